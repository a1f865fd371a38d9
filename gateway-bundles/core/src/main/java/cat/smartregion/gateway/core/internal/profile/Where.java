package cat.smartregion.gateway.core.internal.profile;

import com.fasterxml.jackson.core.JsonLocation;
import java.util.Objects;

/** A place in a profile file, printed as {@code file:line:column} (1-based). */
record Where(String file, int line, int column) {

    Where {
        Objects.requireNonNull(file, "file");
    }

    static Where of(String file, JsonLocation location) {
        return location == null ? new Where(file, 1, 1)
                : new Where(file, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
