package io.chatprep.job;

import io.chatprep.encode.RowJson;
import io.chatprep.encode.RowRejectedException;
import io.chatprep.job.config.JobConfig;
import io.chatprep.job.tasks.EncodedRecord;
import io.chatprep.job.tasks.EncoderCache;
import io.chatprep.job.tasks.PartitionEncoder;
import io.chatprep.job.tasks.RowEncoder;
import io.chatprep.job.input.InputReader;
import io.chatprep.job.input.PythonJson;
import io.chatprep.job.input.RowConverter;
import io.chatprep.job.input.SourceRow;
import io.chatprep.template.ChatTemplate;
import io.chatprep.template.RenderRequest;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Checks a configuration without writing: config, tokenizer and template load, then the first rows are
 * rendered and encoded on the driver and printed with their outcome.
 */
public final class DryRun {
    private final SparkSession spark;
    private final PrintStream out;

    public DryRun(SparkSession spark, PrintStream out) {
        this.spark = spark;
        this.out = out;
    }

    /** Returns the number of previewed rows that would be quarantined. */
    public int run(PreparedRun prepared) {
        JobConfig config = prepared.config().validateForRead();
        var hadoop = spark.sparkContext().hadoopConfiguration();
        JobPlan plan = prepared.plan();
        out.println("config: valid");
        out.println("tokenizer: " + config.tokenizer() + " (tokenizer.json sha256 "
                + plan.tokenizerSha256().get("tokenizer.json") + ")");
        out.println("template: " + plan.templateExplanation() + " (sha256 " + plan.templateSha256() + ")");
        out.println("tokenization: " + prepared.tokenization());
        if (plan.imageExplanation() != null) {
            out.println("images: " + plan.imageExplanation());
        }
        InputReader.InputFiles files = InputReader.resolve(config.input(), config.inputFormat(), hadoop);
        out.println("input: " + files.count() + " file(s)");
        if (files.skippedSummary() != null) {
            out.println("input: " + files.skippedSummary());
        }
        List<SourceRow> first = new InputReader(spark, config.splitSizeMb()).read(files).take(config.dryRunRows());
        RowEncoder encoder = EncoderCache.get(prepared.spec().key(), prepared.spec().spec(), prepared.factory());
        PartitionEncoder rowEncoder = new PartitionEncoder(null, prepared.factory(), new RowConverter(config),
                config.idColumn(), ChatPrepJob.limit(config), null, files.commonDirectory());
        ChatTemplate template = ChatTemplate.compile(plan.templateSource());
        int rejected = 0;
        for (SourceRow row : first) {
            EncodedRecord r = rowEncoder.encodeOne(encoder, row);
            out.println();
            out.println("=== " + r.id() + ": " + r.outcome().name().toLowerCase(java.util.Locale.ROOT)
                    + (r.stage() != null ? " at " + r.stage() + ": " + r.reason()
                    : ", " + r.numTokens() + " tokens, " + r.numTrainedTokens() + " trained"));
            if (r.stage() != null) {
                rejected++;
                continue;
            }
            out.println(render(template, plan, prepared, row));
        }
        return rejected;
    }

    /** The rendered text of a row, for people to read; the encoder's own rendering is what gets trained. */
    @SuppressWarnings("unchecked")
    private String render(ChatTemplate template, JobPlan plan, PreparedRun prepared, SourceRow source) {
        JobConfig config = prepared.config();
        try {
            Object parsed = source.parsed() != null ? source.parsed() : RowJson.parse(source.raw());
            Map<String, Object> row = new RowConverter(config).convert(parsed);
            if (!row.containsKey("messages")) {
                return "(prompt-completion row: " + PythonJson.write(row) + ")";
            }
            RenderRequest.Builder request = RenderRequest.builder()
                    .messages((List<?>) row.get("messages"))
                    .now(config.now());
            if (row.get("tools") instanceof List<?> tools) {
                request.tools(tools);
            }
            request.specialTokens(prepared.tokenizer().specialTokens());
            request.extras(plan.spec().options().templateKwargs());
            if (row.get("chat_template_kwargs") instanceof Map<?, ?> kwargs) {
                request.extras((Map<String, ?>) kwargs);
            }
            return template.render(request.build()).text();
        } catch (RowRejectedException | java.io.IOException | RuntimeException e) {
            return "(cannot show the rendered text: " + e.getMessage() + ")";
        }
    }
}
