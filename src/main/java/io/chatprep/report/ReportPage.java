package io.chatprep.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.List;

/** The self-contained {@code report.html}: inline CSS and SVG, no scripts, nothing fetched. */
final class ReportPage {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Quarantined rows are shown up to this many characters; the file under quarantine/ has them whole. */
    static final int RAW_PREVIEW_CHARS = QuarantineReason.RAW_PREVIEW_CHARS;

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px 32px;color:#222;max-width:1140px}
            h1{font-size:22px;margin:0 0 4px} h3{font-size:14px;margin:16px 0 4px} h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
            .sub{color:#666;font-size:13px}
            .cards{display:grid;grid-template-columns:repeat(4,1fr);gap:10px;margin-top:14px}
            .card{border:1px solid #ddd;border-radius:6px;padding:8px 12px;background:#fafafa}
            .card .k{font-size:12px;color:#666} .card .v{font-size:20px;font-weight:600}
            .card.bad .v{color:#b00020}
            svg{display:block;max-width:100%;height:auto;font-size:12px}
            .bar{fill:#4c78a8} .bar:hover{fill:#2a5783} .axis{stroke:#999} .tick{fill:#555}
            .axis-label{fill:#333} .limit{stroke:#d62728;stroke-width:2;stroke-dasharray:5 3} .limit-label{fill:#d62728;paint-order:stroke;stroke:#fff;stroke-width:3px}
            rect.trained{fill:#59a14f} rect.untrained{fill:#c7c7c7}
            table{border-collapse:collapse;font-size:13px;width:100%} td,th{border:1px solid #ddd;padding:4px 8px;vertical-align:top;text-align:left}
            th{background:#f2f2f2} td.n{text-align:right;white-space:nowrap}
            pre{white-space:pre-wrap;word-break:break-word;background:#fafafa;border:1px solid #ddd;padding:8px;margin:4px 0;font-size:12px;max-height:420px;overflow:auto}
            pre.raw{max-height:120px}
            .t{background:#b7f0b1} .u{color:#555}
            .note{color:#666;font-size:12px}
            .failed{border:2px solid #b00020;background:#fdecee;padding:8px 12px;margin-top:12px;border-radius:6px}
            """;

    private ReportPage() {
    }

    static String render(JsonNode manifest, ReportContent c) {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>chatprep run report</title>\n")
                .append("<style>\n").append(CSS).append("</style></head><body>\n");
        b.append("<h1>chatprep run report</h1>\n<div class=\"sub\">")
                .append(Html.escape(manifest.path("output").asText())).append(" · finished ")
                .append(Html.escape(manifest.path("finished_at").asText().replaceFirst("\\.\\d+Z$", "Z"))).append(" · ")
                .append(Html.escape(manifest.path("seconds").asText())).append(" s</div>\n");
        if ("failed".equals(manifest.path("status").asText())) {
            b.append("<div class=\"failed\" data-status=\"failed\"><b>Not published.</b> ")
                    .append(Html.escape(manifest.path("failure").asText()))
                    .append(". The output directory was left as it was; these are the run's files for inspection.</div>\n");
        }
        totals(b, manifest);
        lengths(b, manifest, c);
        b.append("<h2>Trained share per row</h2>\n<p class=\"note\">Rows by the share of their tokens that carry a label"
                + " (assistant output); 5% bins.</p>\n");
        b.append(BarChart.histogram("trained-share", c.trainedShare(), v -> Math.round(v * 100) + "%",
                "trained share", null, null));
        sources(b, c);
        quarantine(b, manifest, c.quarantine());
        samples(b, c);
        setup(b, manifest);
        return b.append("</body></html>\n").toString();
    }

    private static void totals(StringBuilder b, JsonNode m) {
        JsonNode counts = m.path("counts");
        JsonNode tokens = m.path("tokens");
        b.append("<div class=\"cards\">\n");
        card(b, "rows read", "read", counts.path("read").asLong(), false);
        card(b, "rows written", "written", counts.path("written").asLong(), false);
        card(b, "rows quarantined", "quarantined", counts.path("quarantined").asLong(),
                counts.path("quarantined").asLong() > 0);
        card(b, "rows filtered (too long)", "filtered_max_length", counts.path("filtered_max_length").asLong(),
                counts.path("filtered_max_length").asLong() > 0);
        card(b, "rows truncated", "truncated", counts.path("truncated").asLong(), false);
        card(b, "output rows", "output_rows", counts.path("output_rows").asLong(), false);
        card(b, "tokens", "tokens_total", tokens.path("total").asLong(), false);
        b.append("<div class=\"card\"><div class=\"k\">trained tokens</div><div class=\"v\" data-key=\"tokens_trained\""
                + " data-value=\"").append(tokens.path("trained").asLong()).append("\">")
                .append(Html.count(tokens.path("trained").asLong())).append(" <span class=\"sub\">(")
                .append(Html.percent(tokens.path("trained_share").asDouble())).append(")</span></div></div>\n");
        b.append("<div class=\"card\"><div class=\"k\">length p50 / p95 / max</div><div class=\"v\" data-key=\"lengths\">")
                .append(tokens.path("length_p50").asLong()).append(" / ").append(tokens.path("length_p95").asLong())
                .append(" / ").append(tokens.path("length_max").asLong()).append("</div></div>\n");
        card(b, "data files", "data_files", counts.path("data_files").asLong(), false);
        card(b, "quarantine files", "quarantine_files", counts.path("quarantine_files").asLong(), false);
        card(b, "input files", "input_files", m.path("input").path("files").asLong(), false);
        b.append("</div>\n");
    }

    private static void card(StringBuilder b, String label, String key, long value, boolean bad) {
        b.append("<div class=\"card").append(bad ? " bad" : "").append("\"><div class=\"k\">").append(label)
                .append("</div><div class=\"v\" data-key=\"").append(key).append("\" data-value=\"").append(value)
                .append("\">").append(Html.count(value)).append("</div></div>\n");
    }

    private static void lengths(StringBuilder b, JsonNode m, ReportContent c) {
        JsonNode config = m.path("config");
        // Packs are bounded by pack_length, rows by max_length: mark the bound the bars are measured against.
        String boundName = config.path("pack_length").isNumber() ? "pack_length" : "max_length";
        JsonNode bound = config.path(boundName);
        b.append("<h2>Sequence lengths</h2>\n<p class=\"note\">Written ").append(c.packed() ? "packs" : "rows")
                .append(" by number of tokens");
        if (bound.isNumber()) {
            b.append("; the dashed line is <code>").append(boundName).append("</code> = ").append(bound.asLong());
            if (boundName.equals("max_length")) {
                b.append(" (policy ").append(Html.escape(config.path("max_length_policy").asText())).append(')');
            }
        }
        b.append('.');
        long filtered = m.path("counts").path("filtered_max_length").asLong();
        if (filtered > 0) {
            b.append(" <b>").append(Html.count(filtered)).append(filtered == 1 ? " row was" : " rows were")
                    .append(" too long</b> and dropped; they are not in the chart.");
        }
        long truncated = m.path("counts").path("truncated").asLong();
        if (truncated > 0) {
            b.append(' ').append(Html.count(truncated)).append(truncated == 1 ? " row was" : " rows were")
                    .append(" truncated.");
        }
        b.append("</p>\n");
        b.append(BarChart.histogram("lengths", c.lengths(), Html::shortNumber,
                c.packed() ? "tokens per pack" : "tokens per row", bound.isNumber() ? bound.asDouble() : null,
                bound.isNumber() ? boundName + " " + bound.asLong() : null));
    }

    private static void sources(StringBuilder b, ReportContent c) {
        b.append("<h2>Trained and untrained tokens per source</h2>\n");
        if (c.packed()) {
            b.append("<p class=\"note\">Not shown for packed output: a pack mixes rows of several sources.</p>\n");
            return;
        }
        b.append("<p class=\"note\">The written rows keep no message roles, so tokens are split by source instead:"
                + " the row id without its trailing number (<code>file.jsonl:1234</code> → <code>file.jsonl</code>,"
                + " <code>gsm8k-train-17</code> → <code>gsm8k-train</code>). Untrained tokens are everything outside"
                + " assistant output: system, user and tool turns and the template's own markup.</p>\n");
        b.append(BarChart.stacked("sources", c.sources()));
    }

    private static void quarantine(StringBuilder b, JsonNode m, List<QuarantineReason> reasons) {
        b.append("<h2>Quarantine</h2>\n");
        if (reasons.isEmpty()) {
            b.append("<p>No row was quarantined.</p>\n");
            return;
        }
        b.append("<p class=\"note\">Each reason with its first row by source position; all rejected rows are in"
                + " <code>quarantine/*.jsonl</code>.</p>\n");
        b.append("<table id=\"quarantine\"><tr><th>stage</th><th>reason</th><th>rows</th><th>sample row</th></tr>\n");
        for (QuarantineReason r : reasons) {
            String raw = r.sampleRaw() == null ? "" : r.sampleRaw();
            if (raw.length() > RAW_PREVIEW_CHARS) {
                raw = raw.substring(0, RAW_PREVIEW_CHARS) + " …";
            }
            b.append("<tr class=\"reason\" data-stage=\"").append(Html.escape(r.stage())).append("\" data-rows=\"")
                    .append(r.rows()).append("\"><td>").append(Html.escape(r.stage())).append("</td><td>")
                    .append(Html.escape(r.reason())).append("</td><td class=\"n\">").append(Html.count(r.rows()))
                    .append("</td><td><div class=\"note\">").append(Html.escape(r.sampleId()))
                    .append("</div><pre class=\"raw\">").append(Html.escape(raw)).append("</pre></td></tr>\n");
        }
        b.append("</table>\n");
        int distinct = 0;
        for (JsonNode stage : m.path("counts").path("quarantined_by_reason")) {
            distinct += stage.size();
        }
        if (distinct > reasons.size()) {
            b.append("<p class=\"note\">").append(distinct - reasons.size())
                    .append(" rarer reasons are listed in manifest.json.</p>\n");
        }
    }

    private static void samples(StringBuilder b, ReportContent c) {
        b.append("<h2>Sample rows</h2>\n<p class=\"note\">Decoded from the written <code>input_ids</code>;"
                + " <span class=\"t\">highlighted</span> text is trained (its label is the token id), the rest has"
                + " label -100.</p>\n");
        if (c.samplesUnavailable() != null) {
            b.append("<p class=\"note\">").append(Html.escape(c.samplesUnavailable())).append("</p>\n");
        }
        for (SampleRow s : c.samples()) {
            b.append("<h3 class=\"sample-title\">").append(Html.escape(s.id())).append(" <span class=\"sub\">")
                    .append(Html.count(s.numTokens())).append(" tokens, ").append(Html.count(s.numTrainedTokens()))
                    .append(" trained</span></h3>\n<pre class=\"sample\">");
            for (SampleRow.Segment seg : s.segments()) {
                b.append("<span class=\"").append(seg.trained() ? "t" : "u").append("\" data-tokens=\"")
                        .append(seg.tokens()).append("\">").append(Html.escape(seg.text())).append("</span>");
            }
            b.append("</pre>\n");
        }
    }

    private static void setup(StringBuilder b, JsonNode m) {
        JsonNode template = m.path("template");
        JsonNode tokenizer = m.path("tokenizer");
        b.append("<h2>Template, tokenizer and configuration</h2>\n<table id=\"setup\">\n");
        row(b, "template", template.path("explanation").asText());
        row(b, "template origin", template.path("origin").asText());
        row(b, "template sha256", template.path("sha256").asText());
        row(b, "tokenizer", tokenizer.path("path").asText());
        tokenizer.path("sha256").fields().forEachRemaining(e -> row(b, e.getKey() + " sha256", e.getValue().asText()));
        m.path("versions").fields().forEachRemaining(e -> row(b, e.getKey() + " version", e.getValue().asText()));
        b.append("</table>\n<h3>config</h3>\n<pre id=\"config\">").append(Html.escape(pretty(m.path("config"))))
                .append("</pre>\n");
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append("<tr><th>").append(Html.escape(key)).append("</th><td>").append(Html.escape(value))
                .append("</td></tr>\n");
    }

    private static String pretty(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }
}
