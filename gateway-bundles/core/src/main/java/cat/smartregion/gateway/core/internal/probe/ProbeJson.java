package cat.smartregion.gateway.core.internal.probe;

import cat.smartregion.gateway.api.driver.RawValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalDouble;

/**
 * A probe's report as one JSON object, what {@code gateway read --probe --json} prints and its table
 * is made from: {@code device}, {@code profile}, {@code endpoint}, {@code probed} (numeric points that
 * answered), {@code failures} ({@code point}, {@code status}, {@code exceptionCode}, {@code detail}),
 * {@code keyPoints}, {@code profileRank}, {@code profileFirst}, {@code verdict} and {@code hypotheses},
 * best first: {@code rank}, {@code label}, {@code order} (a word order or {@code profile}), {@code scale},
 * {@code profile} (the profile's own setting), {@code same} (labels decoding alike), {@code score},
 * {@code inRange}, {@code points}, {@code samples} (key point to value, null when no number).
 */
public final class ProbeJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProbeJson() {
    }

    public static String render(ProbeReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("device", report.device());
        root.put("profile", report.profile());
        root.put("endpoint", report.endpoint().toString());
        root.put("probed", report.ranking().map(r -> r.best().points()).orElse(0));
        ArrayNode failures = root.putArray("failures");
        report.failures().forEach(f -> failure(failures.addObject(), f));
        report.ranking().ifPresent(r -> ranking(root, r));
        root.put("verdict", report.verdict());
        return root.toString();
    }

    private static void failure(ObjectNode node, RawValue f) {
        node.put("point", f.point());
        node.put("status", f.status().name());
        node.put("exceptionCode", f.exceptionCode());
        node.put("detail", f.detail());
    }

    private static void ranking(ObjectNode root, Ranking ranking) {
        ArrayNode keys = root.putArray("keyPoints");
        ranking.keyPoints().forEach(keys::add);
        root.put("profileRank", ranking.profileRank());
        root.put("profileFirst", ranking.profileFirst());
        ArrayNode hypotheses = root.putArray("hypotheses");
        for (int i = 0; i < ranking.trials().size(); i++) {
            trial(hypotheses.addObject(), i + 1, ranking.trials().get(i), ranking);
        }
    }

    private static void trial(ObjectNode node, int rank, Trial trial, Ranking ranking) {
        node.put("rank", rank);
        node.put("label", trial.label());
        node.put("order", trial.hypothesis().order().map(Enum::name).orElse("profile"));
        node.put("scale", trial.hypothesis().scale());
        node.put("profile", trial.hypothesis().isProfile());
        ArrayNode same = node.putArray("same");
        trial.same().forEach(same::add);
        node.put("score", Math.round(trial.score() * 1000) / 1000.0);
        node.put("inRange", trial.inRange());
        node.put("points", trial.points());
        ObjectNode samples = node.putObject("samples");
        for (String point : ranking.keyPoints()) {
            OptionalDouble value = trial.value(point);
            if (value.isPresent()) {
                samples.put(point, value.getAsDouble());
            } else {
                samples.putNull(point);
            }
        }
    }
}
