package cat.smartregion.gateway.buffer.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration of the SQLite buffer, PID {@code cat.smartregion.gateway.buffer}. */
@ObjectClassDefinition(name = "Gateway buffer",
        description = "SQLite store-and-forward buffer of the readings waiting for upload.")
public @interface BufferConfiguration {

    @AttributeDefinition(description = "Path of the SQLite database file (required); "
            + "its folder must exist and be writable.")
    String path() default "";

    @AttributeDefinition(description = "SQLite synchronous level: FULL survives power loss, "
            + "NORMAL writes less but may lose the last commits.",
            options = {@Option(label = "FULL", value = "FULL"), @Option(label = "NORMAL", value = "NORMAL")})
    String synchronous() default "FULL";

    @AttributeDefinition(description = "Bound of the buffer (database and WAL) on disk in bytes, at least 262144. "
            + "Above it the buffer evicts the oldest readings of the lowest priority class first "
            + "(SAMPLE, STATE, COUNTER, ALARM). 256 MiB holds about ten million readings.")
    long quota_bytes() default 268435456L;
}
