package cat.smartregion.gateway.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;

/** Prints a probe's report (its JSON as is, or the table) and its failures; gives the exit code. */
final class ProbeOutcome {

    /** The profile's order and scale are the most plausible, or tie with the most plausible. */
    static final int PROFILE_FIRST = 0;
    /** Nothing could be read. */
    static final int NOTHING_READ = 1;
    /** Another order or scale is clearly more plausible. */
    static final int OTHER_FIRST = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProbeOutcome() {
    }

    static int report(String json, URI endpoint, boolean asJson, PrintWriter out, PrintWriter err) throws IOException {
        JsonNode probe = JSON.readTree(json);
        for (JsonNode f : probe.path("failures")) {
            err.println("gateway read: " + probe.path("device").asText() + " point " + f.path("point").asText() + ": "
                    + f.path("status").asText() + (f.path("exceptionCode").asInt() != 0
                    ? " (exception " + ReadCommand.exceptionCode(endpoint, f.path("exceptionCode").asInt()) + ")" : "") + " " + f.path("detail").asText());
        }
        if (probe.path("probed").asInt() == 0) {
            if (asJson) {
                out.println(json);
            }
            out.flush();
            err.println("gateway read: " + probe.path("verdict").asText() + ". Check the address, the unit id, the "
                    + "cabling and that the device is powered.");
            return NOTHING_READ;
        }
        if (asJson) {
            out.println(json);
        } else {
            ProbeTable.print(probe, out);
        }
        out.flush();
        return probe.path("profileFirst").asBoolean() ? PROFILE_FIRST : OTHER_FIRST;
    }
}
