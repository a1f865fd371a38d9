package cat.smartregion.gateway.core.internal.probe;

import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.WordOrder;
import cat.smartregion.gateway.core.internal.decode.Decoded;
import cat.smartregion.gateway.core.internal.decode.Decoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The hypotheses ranked by how plausible the points look under each: best first, the profile's own
 * first among equals. Hypotheses that decode every point to the same values are ranked as one.
 *
 * @param trials    one per distinct decoding, best first
 * @param keyPoints up to four points whose values tell the hypotheses apart best, for display
 */
public record Ranking(List<Trial> trials, List<String> keyPoints) {

    /** Scores closer than this are a tie; one more point in range adds at least 0.5 / points (0.01 with 50 points). */
    public static final double TIE = 0.01;

    private static final int KEY_POINTS = 4;

    public Ranking {
        trials = List.copyOf(trials);
        keyPoints = List.copyOf(keyPoints);
        if (trials.stream().noneMatch(t -> t.hypothesis().isProfile())) {
            throw new IllegalArgumentException("a ranking needs the profile's own hypothesis");
        }
    }

    /**
     * Decodes the samples under every hypothesis of {@link Hypothesis#all()} and ranks them.
     *
     * @param time the reading's time (UTC ms), for the decoder's quality
     * @throws IllegalArgumentException when there is no sample
     */
    public static Ranking of(List<Sample> samples, long time) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("nothing to rank: no numeric point answered");
        }
        String profileOrders = profileOrders(samples);
        List<Trial> distinct = new ArrayList<>();
        for (Hypothesis h : Hypothesis.all()) {
            merge(distinct, trial(h, h.label(profileOrders), samples, time));
        }
        distinct.sort(Comparator.comparingDouble(Trial::score).reversed());
        return new Ranking(distinct, keyPoints(samples));
    }

    public Trial best() {
        return trials.get(0);
    }

    /** The profile as written. */
    public Trial profile() {
        return trials.stream().filter(t -> t.hypothesis().isProfile()).findFirst().orElseThrow();
    }

    /** 1 when the profile's own setting ranks first. */
    public int profileRank() {
        return trials.indexOf(profile()) + 1;
    }

    /** Whether the profile's setting ranks first or ties with the first. */
    public boolean profileFirst() {
        return profile().score() >= best().score() - TIE;
    }

    private static void merge(List<Trial> distinct, Trial trial) {
        for (int i = 0; i < distinct.size(); i++) {
            Trial kept = distinct.get(i);
            if (kept.values().equals(trial.values())) {
                if (!kept.label().equals(trial.label()) && !kept.same().contains(trial.label())) {
                    distinct.set(i, kept.standingFor(List.of(trial.label())));
                }
                return;
            }
        }
        distinct.add(trial);
    }

    private static Trial trial(Hypothesis h, String label, List<Sample> samples, long time) {
        Map<String, Double> values = new LinkedHashMap<>();
        double sum = 0;
        int inRange = 0;
        for (Sample s : samples) {
            OptionalDouble value = decode(s, h, time);
            value.ifPresent(v -> values.put(s.point().name(), v));
            sum += Plausibility.score(s.point(), value);
            inRange += Plausibility.inRange(s.point(), value) ? 1 : 0;
        }
        return new Trial(h, label, List.of(), sum / samples.size(), inRange, samples.size(), values);
    }

    /** The sample's value under the hypothesis: the profile's point with its order and scale overridden. */
    static OptionalDouble decode(Sample s, Hypothesis h, long time) {
        PointSpec p = s.point();
        PointSpec variant = new PointSpec(p.name(), p.description(), p.quantity(), p.address(), p.type(),
                h.orderFor(p.order()), p.scale() * h.scale(), p.offset(), p.unit(), p.range(), p.priority());
        Decoded decoded = new Decoder(variant).decode(s.wire(), s.factor(), time);
        return decoded instanceof Decoded.Number n ? OptionalDouble.of(n.number()) : OptionalDouble.empty();
    }

    /** The one order the probed points share, e.g. {@code ABCD}, or {@code profile} when they mix orders. */
    private static String profileOrders(List<Sample> samples) {
        List<WordOrder> orders = samples.stream().map(s -> s.point().order()).distinct().toList();
        return orders.size() == 1 ? orders.get(0).name() : "profile";
    }

    /**
     * One point per quantity, most telling first: a quantity with a typical value, then a range away
     * from zero, then other bounded ranges; profile order among equals.
     */
    private static List<String> keyPoints(List<Sample> samples) {
        List<PointSpec> points = new ArrayList<>(samples.stream().map(Sample::point).toList());
        points.sort(Comparator.comparingInt(Plausibility::telling));
        List<String> quantities = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (PointSpec p : points) {
            if (keys.size() < KEY_POINTS && !quantities.contains(p.quantity())) {
                quantities.add(p.quantity());
                keys.add(p.name());
            }
        }
        return keys;
    }
}
