package io.chatprep.cli;

import io.chatprep.job.ChatPrepJob;
import io.chatprep.job.DryRun;
import io.chatprep.job.JobResult;
import io.chatprep.job.PreparedRun;
import io.chatprep.job.SparkSessions;
import io.chatprep.job.StopSignal;
import io.chatprep.job.config.ConfigKey;
import io.chatprep.job.config.ConfigKeys;
import io.chatprep.job.config.JobConfig;
import io.chatprep.job.config.JobConfigLoader;
import io.chatprep.job.tasks.EncoderFactory;
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
    private static final Set<String> OWN_OPTIONS = Set.of("config", "set", "dry-run", "help-keys", "summary-json");

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
        Set<String> flags = new LinkedHashSet<>(Set.of("dry-run", "help-keys", "summary-json"));
        ConfigKeys.ALL.stream().filter(ConfigKey::isSwitch).forEach(k -> flags.add(k.flag().substring(2)));
        return flags;
    }

    @Override
    public int run(Args args) throws Exception {
        if (args.flag("help-keys")) {
            args.rejectUnknown(Set.of("help-keys"));
            System.out.print(ConfigKeys.markdownTable());
            return 0;
        }
        JobConfig config = config(args, OWN_OPTIONS);
        boolean summary = args.flag("summary-json");
        try (AutoCloseable stop = StopSignal.watchCommand(name(), args.flag("dry-run") ? null : config.output())) {
            JobResult result = run(config, args.flag("dry-run"));
            if (summary) {
                System.out.println(RunSummary.of(result, config));
            }
            return 0;
        } catch (Exception | Error e) {
            if (summary && !StopSignal.stopping()) {
                System.out.println(RunSummary.of(e, config));
            }
            throw e;
        }
    }

    /**
     * The configuration the options describe: {@code --config} (a local path, any Hadoop path, or a file shipped with
     * spark-submit's {@code --files}), then every config key given as a flag, then {@code --set}.
     */
    static JobConfig config(Args args, Set<String> ownOptions) {
        Set<String> known = new LinkedHashSet<>(ownOptions);
        ConfigKeys.ALL.forEach(k -> known.add(k.flag().substring(2)));
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

    /** The run's result; null for a dry run. */
    private static JobResult run(JobConfig config, boolean dryRun) {
        EncoderFactory encoders = EncoderFactory.conversationEncoder();
        // A session that already exists (a notebook, a test) belongs to its owner and stays open.
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        // Prepared before the session starts, so that reading the tokenizer and template, and loading the tokenizer,
        // overlap the session's start-up (seconds of mostly one busy core) instead of following it.
        PreparedRun early = ownSession ? PreparedRun.beforeSession(config, encoders) : null;
        SparkSession spark = SparkSessions.local(config.master(), "chatprep", config.spark());
        try (PreparedRun prepared = early != null ? early : PreparedRun.start(config,
                spark.sparkContext().hadoopConfiguration(), spark.sparkContext().isLocal(), encoders)) {
            if (dryRun) {
                int rejected = new DryRun(spark, System.out).run(prepared);
                System.out.println();
                System.out.println("dry run: nothing written" + (rejected > 0 ? "; " + rejected
                        + " of the previewed rows would be quarantined" : ""));
                return null;
            }
            JobResult result = new ChatPrepJob(spark, encoders, System.out).run(prepared);
            System.out.println();
            System.out.println("chatprep run finished");
            System.out.print(result.summary());
            return result;
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }

    @Override
    public String usage() {
        StringBuilder b = new StringBuilder("usage: chatprep run --config FILE [--set key=value ...] [--KEY VALUE ...] "
                + "[--dry-run] [--summary-json]\n  FILE: a local path, any Hadoop path (hdfs:, s3a:, ...) or the name of a "
                + "file shipped with spark-submit --files\n  --help-keys prints the keys as a Markdown table; --summary-json ends the "
                + "output with one JSON line (status, exit code, counts) for schedulers.\n  Every config key is also a flag (flags win over the file, --set wins over both):\n");
        for (ConfigKey<?> k : ConfigKeys.ALL) {
            b.append(String.format(java.util.Locale.ROOT, "  %-30s %s (%s; default %s)%n",
                    k.flag() + (k.isSwitch() ? "" : " VALUE"), plain(k.doc()), k.type(), plain(k.defaultText())));
        }
        return b.append(ExitCode.table()).toString();
    }

    /** Documentation text without its Markdown code marks, for a terminal. */
    private static String plain(String markdown) {
        return markdown.replace("`", "");
    }
}
