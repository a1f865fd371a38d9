package cat.smartregion.gateway.driver.serial.internal;

import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.RawValue;

/** One complete, checked frame of a serial protocol: a matched line or a binary frame. */
interface Frame {

    /** The point's raw value in this frame; BAD_FRAME with a clear detail when the frame lacks it. */
    RawValue value(PointRequest point);
}
