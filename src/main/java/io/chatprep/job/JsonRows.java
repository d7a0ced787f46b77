package io.chatprep.job;

import io.chatprep.job.config.InputFormat;
import io.chatprep.job.input.InputReader;
import io.chatprep.job.input.PythonJson;
import io.chatprep.job.input.SourceRow;
import io.chatprep.job.input.SparkValues;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Conversations as a DataFrame of JSON text, for notebooks. Spark's own JSON reader infers one schema for all rows and
 * fails on real tool data ({@code COLUMN_ALREADY_EXISTS} when one row's arguments hold {@code cnpj} and another's
 * {@code CNPJ}), and even when it succeeds it turns absent keys into nulls and objects into structs, which templates
 * see differently; a row kept as its JSON text is read later exactly as the job reads a JSONL line.
 */
public final class JsonRows {
    /** The row's JSON text, the column {@link #sourceRows} reads. */
    public static final String JSON = "json";
    public static final String SOURCE_FILE = "source_file";
    public static final String SOURCE_POSITION = "source_position";
    /** Why the row cannot be read (bytes that are not UTF-8), or null. */
    public static final String UNREADABLE = "unreadable";

    static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false),
            DataTypes.createStructField(SOURCE_POSITION, DataTypes.LongType, false),
            DataTypes.createStructField(JSON, DataTypes.StringType, false),
            DataTypes.createStructField(UNREADABLE, DataTypes.StringType, true)));

    private JsonRows() {
    }

    /** The rows of these files, directories or globs (JSONL or Parquet), one per row, without schema inference. */
    public static Dataset<Row> read(SparkSession spark, List<String> inputs, InputFormat format, double splitSizeMb) {
        InputReader.InputFiles files = InputReader.resolve(inputs, format, spark.sparkContext().hadoopConfiguration());
        JavaRDD<Row> rows = new InputReader(spark, splitSizeMb).read(files)
                .map(r -> RowFactory.create(r.file(), r.position(), r.raw(), r.unreadable()));
        return spark.createDataFrame(rows, SCHEMA);
    }

    /**
     * A DataFrame's rows as the job's source rows: from its {@value #JSON} text column when it has one (as
     * {@link #read} gives it, with {@value #SOURCE_FILE} and {@value #SOURCE_POSITION} naming the rows when present),
     * else from its columns, converted as HF {@code datasets} hands Parquet rows to Python. Rows are otherwise numbered
     * by their position in the DataFrame, which must be deterministic for stable ids.
     */
    static JavaRDD<SourceRow> sourceRows(Dataset<Row> rows) {
        List<String> columns = Arrays.asList(rows.columns());
        if (!columns.contains(JSON) || !rows.schema().apply(JSON).dataType().equals(DataTypes.StringType)) {
            return rows.toJavaRDD().zipWithIndex().map(t -> {
                Map<String, Object> value = SparkValues.toPython(t._1(), Set.of());
                return new SourceRow(SourceRow.DATAFRAME, t._2(), PythonJson.write(value), value);
            });
        }
        boolean named = columns.contains(SOURCE_FILE) && columns.contains(SOURCE_POSITION);
        boolean flagged = columns.contains(UNREADABLE);
        return rows.toJavaRDD().zipWithIndex().map(t -> {
            Row r = t._1();
            String file = named ? r.getAs(SOURCE_FILE) : SourceRow.DATAFRAME;
            long position = named ? r.<Long>getAs(SOURCE_POSITION) : t._2();
            String json = r.getAs(JSON);
            return new SourceRow(file, position, json == null ? "null" : json, null,
                    flagged ? r.getAs(UNREADABLE) : null);
        });
    }
}
