package cat.smartregion.gateway.driver.coap.internal;

import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;

/**
 * What one request (or the newest notification) brought: a response, or why none came.
 *
 * @param status        OK when a response came, otherwise the failure of every point
 * @param code          the response code, e.g. 69 for 2.05 or 132 for 4.04; 0 without a response
 * @param body          the response body, block-wise transfers reassembled
 * @param contentFormat the response's content format, -1 when it has none
 * @param maxAgeSeconds the response's Max-Age (60 when absent)
 * @param detail        what went wrong, empty for a response
 */
record Answer(PointStatus status, int code, byte[] body, int contentFormat, long maxAgeSeconds, String detail) {

    Answer {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        body = body.clone();
    }

    static Answer of(Response response) {
        return new Answer(PointStatus.OK, response.getCode().value, response.getPayload(),
                response.getOptions().getContentFormat(), response.getOptions().getMaxAge(), "");
    }

    static Answer failed(PointStatus status, String detail) {
        return new Answer(status, 0, new byte[0], -1, 0, detail);
    }

    /** The points' values, or every point's failure. */
    List<RawValue> values(List<PointRequest> points, Optional<PayloadFormat> wanted, Object resource) {
        if (status != PointStatus.OK) {
            return points.stream().map(p -> RawValue.failed(p.point(), status, detail)).toList();
        }
        if (code / 32 != 2) {
            String text = "CoAP " + ResponseCode.valueOf(code) + " from " + resource;
            return points.stream().map(p -> RawValue.exception(p.point(), code, text)).toList();
        }
        // no Content-Format: libcoap, among others, leaves out text/plain (0)
        Optional<PayloadFormat> format = wanted.or(() -> contentFormat < 0 ? Optional.of(PayloadFormat.TEXT)
                : PayloadFormat.ofContentFormat(contentFormat));
        if (format.isEmpty()) {
            String text = "content format " + contentFormat + " of " + resource
                    + " is not text (0), json (50), senml+json (110) or senml+cbor (112); set the profile option format";
            return points.stream().map(p -> RawValue.failed(p.point(), PointStatus.BAD_FRAME, text)).toList();
        }
        return PayloadValues.extract(format.get(), body, points);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Answer a && status == a.status && code == a.code && java.util.Arrays.equals(body, a.body)
                && contentFormat == a.contentFormat && maxAgeSeconds == a.maxAgeSeconds && detail.equals(a.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, code, java.util.Arrays.hashCode(body), contentFormat, maxAgeSeconds, detail);
    }

    @Override
    public String toString() {
        return "Answer[" + (status == PointStatus.OK ? ResponseCode.valueOf(code) + " " + body.length + " bytes" : status + " " + detail) + "]";
    }
}
