package io.chatprep.job.layout;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/** Column layout of the data files (REFERENCE §6) and of the quarantine files. */
public final class OutputSchema {
    private OutputSchema() {
    }

    public static StructType data(boolean packed, boolean assistantMasks) {
        return data(packed, assistantMasks, ImageColumns.NONE);
    }

    public static StructType data(boolean packed, boolean assistantMasks, ImageColumns images) {
        List<StructField> f = new ArrayList<>();
        f.add(packed
                ? DataTypes.createStructField("ids", DataTypes.createArrayType(DataTypes.StringType, false), false)
                : DataTypes.createStructField("id", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("input_ids", DataTypes.createArrayType(DataTypes.IntegerType, false), false));
        f.add(DataTypes.createStructField("labels", DataTypes.createArrayType(DataTypes.IntegerType, false), false));
        if (assistantMasks) {
            f.add(DataTypes.createStructField("assistant_masks", DataTypes.createArrayType(DataTypes.ByteType, false), false));
        }
        if (packed) {
            f.add(DataTypes.createStructField("seq_lengths", DataTypes.createArrayType(DataTypes.IntegerType, false), false));
        }
        if (images.images()) {
            f.add(DataTypes.createStructField("images", DataTypes.createArrayType(DataTypes.StringType, false), false));
        }
        if (images.grids()) {
            f.add(DataTypes.createStructField("image_grid_thw", DataTypes.createArrayType(
                    DataTypes.createArrayType(DataTypes.IntegerType, false), false), false));
        }
        f.add(DataTypes.createStructField("num_tokens", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("num_trained_tokens", DataTypes.IntegerType, false));
        return DataTypes.createStructType(f);
    }

    public static StructType quarantine() {
        return DataTypes.createStructType(List.of(
                DataTypes.createStructField("id", DataTypes.StringType, false),
                DataTypes.createStructField("source_file", DataTypes.StringType, false),
                DataTypes.createStructField("source_position", DataTypes.LongType, false),
                DataTypes.createStructField("stage", DataTypes.StringType, false),
                DataTypes.createStructField("reason", DataTypes.StringType, false),
                DataTypes.createStructField("raw", DataTypes.StringType, false)));
    }
}
