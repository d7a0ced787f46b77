package io.chatprep.cli;

import io.chatprep.job.ChatPrepJob;
import io.chatprep.job.DryRun;
import io.chatprep.job.EncoderWarmUp;
import io.chatprep.job.JobResult;
import io.chatprep.job.SparkSessions;
import io.chatprep.job.StopSignal;
import io.chatprep.job.config.JobConfig;
import io.chatprep.job.config.JobConfigLoader;
import io.chatprep.job.encode.EncoderFactory;
import org.apache.spark.sql.SparkSession;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code chatprep run --config conf/example.yaml [--set key=value ...] [--<key> value ...] [--dry-run]}.
 * Every config key is also a flag in kebab-case ({@code --max-length 4096}); flags win over the file,
 * {@code --set} wins over both.
 */
public final class RunCommand implements Command, FlagOptions {
    /** Options of the command itself; every other option is a config key. */
    private static final Set<String> OWN_OPTIONS = Set.of("config", "set", "dry-run");

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "Run the Spark job: conversations to sharded Parquet";
    }

    @Override
    public Set<String> flags() {
        return Set.of("dry-run", "derive-masks", "force");
    }

    @Override
    public int run(Args args) throws Exception {
        JobConfig config = config(args, OWN_OPTIONS);
        try (AutoCloseable stop = StopSignal.watchCommand(name(), args.flag("dry-run") ? null : config.output())) {
            return run(config, args.flag("dry-run"));
        }
    }

    /**
     * The configuration the options describe: {@code --config} (a local path, any Hadoop path, or a file shipped with
     * spark-submit's {@code --files}), then every config key given as a flag, then {@code --set}.
     */
    static JobConfig config(Args args, Set<String> ownOptions) {
        Set<String> known = new LinkedHashSet<>(ownOptions);
        for (String key : JobConfigLoader.knownKeys()) {
            known.add(key.replace('_', '-'));
        }
        args.rejectUnknown(known);
        JobConfigLoader loader = new JobConfigLoader();
        if (args.get("config") != null) {
            loader.location(args.get("config"));
        }
        for (String name : args.names()) {
            if (!ownOptions.contains(name)) {
                for (String value : args.all(name)) {
                    loader.set(name, value);
                }
            }
        }
        args.all("set").forEach(loader::assignment);
        return loader.load();
    }

    private static int run(JobConfig config, boolean dryRun) {
        // A session that already exists (a notebook, a test) belongs to its owner and stays open.
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        if (ownSession) {
            EncoderWarmUp.beforeLocalSession(config);
        }
        SparkSession spark = SparkSessions.local(config.master(), "chatprep", config.spark());
        try {
            if (dryRun) {
                int rejected = new DryRun(spark, EncoderFactory.conversationEncoder(), System.out).run(config);
                System.out.println();
                System.out.println("dry run: nothing written" + (rejected > 0 ? "; " + rejected
                        + " of the previewed rows would be quarantined" : ""));
                return 0;
            }
            JobResult result = new ChatPrepJob(spark).run(config);
            System.out.println();
            System.out.println("chatprep run finished");
            System.out.print(result.summary());
            return 0;
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }

    @Override
    public String usage() {
        return "usage: chatprep run --config FILE [--set key=value ...] [--KEY VALUE ...] [--dry-run]\n"
                + "  FILE: a local path, any Hadoop path (hdfs:, s3a:, ...) or the name of a file shipped with "
                + "spark-submit --files\n"
                + "  keys (as --kebab-case flags or --set snake_case=value): "
                + String.join(", ", JobConfigLoader.knownKeys());
    }
}
