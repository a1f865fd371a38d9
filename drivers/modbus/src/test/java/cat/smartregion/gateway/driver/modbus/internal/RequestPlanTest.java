package cat.smartregion.gateway.driver.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPlanTest {

    @Test
    void contiguousPointsMakeOneRequest() {
        RequestPlan plan = plan(125, "input:0", 2, "input:2", 2, "input:4", 2, "input:6", 2);
        assertEquals(List.of("input:0+8 [0, 1, 2, 3]"), describe(plan));
    }

    @Test
    void aGapStartsANewRequest() {
        RequestPlan plan = plan(125, "input:0x00", 2, "input:0x02", 2, "input:0x05", 1, "input:0x34", 2);
        assertEquals(List.of("input:0+4 [0, 1]", "input:5+1 [2]", "input:52+2 [3]"), describe(plan));
    }

    @Test
    void overlappingAndRepeatedPointsShareARequest() {
        RequestPlan plan = plan(125, "holding:10", 4, "holding:12", 4, "holding:11", 1, "holding:10", 4);
        assertEquals(List.of("holding:10+6 [0, 3, 2, 1]"), describe(plan));
    }

    @Test
    void pointsAreSortedByAddressWhateverTheOrderAsked() {
        RequestPlan plan = plan(125, "input:6", 2, "input:0", 2, "input:4", 2, "input:2", 2);
        assertEquals(List.of("input:0+8 [1, 3, 2, 0]"), describe(plan));
    }

    @Test
    void aRequestNeverExceeds125Registers() {
        List<Object> points = new ArrayList<>();
        for (int a = 0; a < 300; a += 2) {
            points.add("input:" + a);
            points.add(2);
        }
        RequestPlan plan = plan(125, points.toArray());
        assertEquals(List.of(124, 124, 52), plan.blocks().stream().map(RegisterBlock::count).toList());
        assertEquals(List.of(0, 124, 248), plan.blocks().stream().map(RegisterBlock::start).toList());
    }

    @Test
    void aPointIsNeverSplitAcrossRequests() {
        RequestPlan plan = plan(125, "input:0", 124, "input:124", 2);
        assertEquals(List.of("input:0+124 [0]", "input:124+2 [1]"), describe(plan));
    }

    @Test
    void aLowerConfiguredLimitIsKept() {
        RequestPlan plan = plan(4, "holding:0", 2, "holding:2", 2, "holding:4", 2);
        assertEquals(List.of("holding:0+4 [0, 1]", "holding:4+2 [2]"), describe(plan));
    }

    @Test
    void tablesAreKeptApartInFunctionCodeOrder() {
        RequestPlan plan = plan(125, "input:0", 2, "holding:2", 2, "input:2", 2, "coil:0", 1, "discrete:1", 1, "coil:1", 1, "holding:0", 2);
        assertEquals(List.of("coil:0+2 [3, 5]", "discrete:1+1 [4]", "holding:0+4 [6, 1]", "input:0+4 [0, 2]"), describe(plan));
    }

    @Test
    void bitsCoalesceUpToTheirOwnLimit() {
        RequestPlan plan = RequestPlan.of(List.of(point(0, "coil:0", 1500), point(1, "coil:1500", 600)), 125, 2000);
        assertEquals(List.of("coil:0+1500 [0]", "coil:1500+600 [1]"), describe(plan));
    }

    @Test
    void gapsUpToTheConfiguredSizeAreBridged() {
        List<PlannedPoint> points = List.of(point(0, "input:0", 2), point(1, "input:4", 2), point(2, "input:20", 2));
        assertEquals(List.of("input:0+6 [0, 1]", "input:20+2 [2]"), describe(RequestPlan.of(points, new RequestPlan.Limits(125, 2000, 2), new Holes())));
        assertEquals(List.of("input:0+22 [0, 1, 2]"), describe(RequestPlan.of(points, new RequestPlan.Limits(125, 2000, 14), new Holes())));
        assertEquals(2 + 14, RequestPlan.of(points, new RequestPlan.Limits(125, 2000, 14), new Holes()).bridged());
    }

    @Test
    void aPointRefusedAloneIsReadAloneAndNeverBridged() {
        List<PlannedPoint> points = List.of(point(0, "input:0", 2), point(1, "input:2", 2), point(2, "input:4", 2));
        RequestPlan.Limits limits = new RequestPlan.Limits(125, 2000, 4);
        RegisterBlock block = RequestPlan.of(points, limits, new Holes()).blocks().get(0);
        Holes holes = new Holes();
        holes.learn(block, List.of(points.get(1)));
        assertEquals(List.of("input:0+2 [0]", "input:2+2 [1]", "input:4+2 [2]"), describe(RequestPlan.of(points, limits, holes)));
    }

    @Test
    void aBridgedGapTheUnitRefusedIsNotBridgedAgain() {
        List<PlannedPoint> points = List.of(point(0, "input:0", 2), point(1, "input:4", 2), point(2, "input:8", 2));
        RequestPlan.Limits limits = new RequestPlan.Limits(125, 2000, 2);
        RegisterBlock block = RequestPlan.of(points, limits, new Holes()).blocks().get(0);
        assertEquals("input:0+10 (3 points)", block.toString());
        Holes holes = new Holes();
        holes.learn(block, List.of()); // every point answered alone: the gaps 2-3 and 6-7 are the holes
        assertEquals(List.of("input:0+2 [0]", "input:4+2 [1]", "input:8+2 [2]"), describe(RequestPlan.of(points, limits, holes)));
        assertEquals(List.of("holding:0+10 [0, 1, 2]"), describe(RequestPlan.of(List.of(point(0, "holding:0", 2),
                point(1, "holding:4", 2), point(2, "holding:8", 2)), limits, holes)), "another table is not affected");
    }

    @Test
    void noPointsNoRequests() {
        assertEquals(0, RequestPlan.of(List.of(), 125, 2000).requests());
    }

    private static RequestPlan plan(int maxRegisters, Object... addressAndLength) {
        List<PlannedPoint> points = new ArrayList<>();
        for (int i = 0; i < addressAndLength.length; i += 2) {
            points.add(point(i / 2, (String) addressAndLength[i], (Integer) addressAndLength[i + 1]));
        }
        return RequestPlan.of(points, maxRegisters, 2000);
    }

    private static PlannedPoint point(int index, String address, int length) {
        return new PlannedPoint(index, "p" + index, PointAddress.parse(address, length));
    }

    private static List<String> describe(RequestPlan plan) {
        return plan.blocks().stream().map(b -> b.table().prefix() + ":" + b.start() + "+" + b.count() + " "
                + b.members().stream().map(PlannedPoint::index).toList()).toList();
    }
}
