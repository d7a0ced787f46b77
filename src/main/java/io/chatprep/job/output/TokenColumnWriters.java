package io.chatprep.job.output;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.dictionary.DictionaryValuesWriter;
import org.apache.parquet.column.values.factory.DefaultValuesWriterFactory;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;
import org.apache.parquet.column.values.fallback.FallbackValuesWriter;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * parquet-mr's default value writers (format v1, as Spark writes), except that dictionary-encoded int columns
 * use {@link IntDictionaryWriter}: same encodings and fallback to plain, cheaper lookup per value.
 */
final class TokenColumnWriters implements ValuesWriterFactory {
    private final ValuesWriterFactory defaults = new DefaultValuesWriterFactory();
    private ParquetProperties props;

    @Override
    public void initialize(ParquetProperties properties) {
        this.props = properties;
        defaults.initialize(properties);
    }

    @Override
    public ValuesWriter newValuesWriter(ColumnDescriptor column) {
        ValuesWriter writer = defaults.newValuesWriter(column);
        if (column.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.INT32
                && props.getWriterVersion() == ParquetProperties.WriterVersion.PARQUET_1_0
                && writer instanceof FallbackValuesWriter<?, ?> fallback
                && fallback.initialWriter instanceof DictionaryValuesWriter) {
            // Format v1 writes dictionary pages and dictionary-encoded data pages as PLAIN_DICTIONARY.
            return FallbackValuesWriter.of(new IntDictionaryWriter(props.getDictionaryPageSizeThreshold(),
                    Encoding.PLAIN_DICTIONARY, Encoding.PLAIN_DICTIONARY, props.getAllocator()), fallback.fallBackWriter);
        }
        return writer;
    }
}
