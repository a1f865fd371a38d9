package cat.smartregion.gateway.simulator.coap;

import java.io.IOException;

/**
 * Runs the simulated air-quality node until standard input closes: {@code java ... CoapSimulatorMain [port] [tickMs]}.
 * Prints its base URI ({@code coap://127.0.0.1:PORT}) as the first line of standard output.
 */
public final class CoapSimulatorMain {

    private CoapSimulatorMain() {
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 5683;
        long tickMs = args.length > 1 ? Long.parseLong(args[1]) : 1000;
        try (CoapSensorServer server = CoapSensorServer.start(port, tickMs)) {
            System.out.println(server.uri());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the parent closes our standard input
            }
        }
    }
}
