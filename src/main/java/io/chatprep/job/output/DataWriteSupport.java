package io.chatprep.job.output;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

import java.util.Map;

/**
 * Writes {@link DataRow}s straight from their primitive arrays, in the Parquet layout Spark gives the columns of
 * {@link OutputSchema#data} (three-level lists of required elements, int8 masks) and with Spark's schema in the
 * footer, so Spark, pyarrow and HF {@code datasets} read the files exactly as if Spark had written them.
 */
final class DataWriteSupport extends WriteSupport<DataRow> {
    /** The footer key under which Spark keeps a file's Spark schema. */
    static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

    private final boolean packed;
    private final boolean assistantMasks;
    private RecordConsumer out;

    DataWriteSupport(boolean packed, boolean assistantMasks) {
        this.packed = packed;
        this.assistantMasks = assistantMasks;
    }

    static MessageType schema(boolean packed, boolean assistantMasks) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        if (packed) {
            b.addField(Types.requiredList().requiredElement(PrimitiveTypeName.BINARY)
                    .as(LogicalTypeAnnotation.stringType()).named("ids"));
        } else {
            b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("id");
        }
        b.addField(Types.requiredList().requiredElement(PrimitiveTypeName.INT32).named("input_ids"));
        b.addField(Types.requiredList().requiredElement(PrimitiveTypeName.INT32).named("labels"));
        if (assistantMasks) {
            b.addField(Types.requiredList().requiredElement(PrimitiveTypeName.INT32)
                    .as(LogicalTypeAnnotation.intType(8, true)).named("assistant_masks"));
        }
        if (packed) {
            b.addField(Types.requiredList().requiredElement(PrimitiveTypeName.INT32).named("seq_lengths"));
        }
        b.required(PrimitiveTypeName.INT32).named("num_tokens");
        b.required(PrimitiveTypeName.INT32).named("num_trained_tokens");
        return b.named("spark_schema");
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema(packed, assistantMasks),
                Map.of(SPARK_SCHEMA_KEY, OutputSchema.data(packed, assistantMasks).json()));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(DataRow row) {
        out.startMessage();
        int field = 0;
        if (packed) {
            strings("ids", field++, row.ids());
        } else {
            out.startField("id", field);
            out.addBinary(Binary.fromString(row.id()));
            out.endField("id", field++);
        }
        ints("input_ids", field++, row.inputIds());
        ints("labels", field++, row.labels());
        if (assistantMasks) {
            bytes("assistant_masks", field++, row.assistantMask());
        }
        if (packed) {
            ints("seq_lengths", field++, row.seqLengths());
        }
        integer("num_tokens", field++, row.numTokens());
        integer("num_trained_tokens", field, row.numTrainedTokens());
        out.endMessage();
    }

    private void integer(String name, int index, int value) {
        out.startField(name, index);
        out.addInteger(value);
        out.endField(name, index);
    }

    private void ints(String name, int index, int[] values) {
        openList(name, index, values.length);
        for (int v : values) {
            openElement();
            out.addInteger(v);
            closeElement();
        }
        closeList(name, index, values.length);
    }

    private void bytes(String name, int index, byte[] values) {
        openList(name, index, values.length);
        for (byte v : values) {
            openElement();
            out.addInteger(v);
            closeElement();
        }
        closeList(name, index, values.length);
    }

    private void strings(String name, int index, String[] values) {
        openList(name, index, values.length);
        for (String v : values) {
            openElement();
            out.addBinary(Binary.fromString(v));
            closeElement();
        }
        closeList(name, index, values.length);
    }

    // A three-level list: the column group, a repeated "list" group (absent when empty), an "element" in each.
    private void openList(String name, int index, int size) {
        out.startField(name, index);
        out.startGroup();
        if (size > 0) {
            out.startField("list", 0);
        }
    }

    private void closeList(String name, int index, int size) {
        if (size > 0) {
            out.endField("list", 0);
        }
        out.endGroup();
        out.endField(name, index);
    }

    private void openElement() {
        out.startGroup();
        out.startField("element", 0);
    }

    private void closeElement() {
        out.endField("element", 0);
        out.endGroup();
    }
}
