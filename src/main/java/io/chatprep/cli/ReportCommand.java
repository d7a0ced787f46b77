package io.chatprep.cli;

import io.chatprep.job.SparkSessions;
import io.chatprep.report.RunReport;
import org.apache.spark.sql.SparkSession;

import java.util.Map;
import java.util.Set;

/**
 * {@code chatprep report OUTPUT_DIR [--master local[*]]}: rebuilds {@code report.html} from an existing output's
 * {@code manifest.json} and files, aggregating them with a Spark session.
 */
public final class ReportCommand implements Command {
    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "Re-create report.html for an existing output directory";
    }

    @Override
    public int run(Args args) {
        args.rejectUnknown(Set.of("master"), 1);
        if (args.positionals().size() != 1) {
            throw new UsageException(usage());
        }
        String dir = args.positionals().get(0);
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = SparkSessions.local(args.get("master", "local[*]"), "chatprep report", Map.of());
        try {
            var written = RunReport.write(spark, new org.apache.hadoop.fs.Path(dir));
            System.out.println("chatprep: wrote " + written);
            return 0;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }

    @Override
    public String usage() {
        return "usage: chatprep report OUTPUT_DIR [--master local[*]]";
    }
}
