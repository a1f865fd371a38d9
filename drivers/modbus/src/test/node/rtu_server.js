// An independent Modbus RTU slave (npm modbus-serial ServerSerial) with known values, for the driver's tests.
// Usage: node rtu_server.js SERIAL_PATH BAUD PARITY(none|even|odd) UNIT
// Prints "ready" once the port is open.
//   input registers 0x0000 float32 230.5, 0x0002 float32 -12.25, 0x0046 float32 50.0, 0x0048 uint32 123456789
//   holding registers 100..104: 1, 2, 3, 0xFFFF, 0x8000
//   coils 0..9: 1 0 1 1 0 0 0 0 1 1; discrete inputs 0..1: 0 1
//   any other address answers exception 02 (illegal data address)
"use strict";
const ModbusRTU = require("modbus-serial");

const [path, baud, parity, unit] = process.argv.slice(2);

function floatWords(value) {
    const b = Buffer.alloc(4);
    b.writeFloatBE(value);
    return [b.readUInt16BE(0), b.readUInt16BE(2)];
}

const input = new Map();
[[0x0000, floatWords(230.5)], [0x0002, floatWords(-12.25)], [0x0046, floatWords(50.0)],
    [0x0048, [123456789 >>> 16, 123456789 & 0xFFFF]]].forEach(([address, words]) => {
    words.forEach((w, i) => input.set(address + i, w));
});
const holding = new Map([[100, 1], [101, 2], [102, 3], [103, 0xFFFF], [104, 0x8000]]);
const coils = [true, false, true, true, false, false, false, false, true, true];
const discretes = [false, true];

function lookup(table, address) {
    const value = table instanceof Map ? table.get(address) : table[address];
    if (value === undefined) {
        throw { modbusErrorCode: 0x02, msg: "illegal data address " + address };
    }
    return value;
}

const vector = {
    getInputRegister: (address) => lookup(input, address),
    getHoldingRegister: (address) => lookup(holding, address),
    getCoil: (address) => lookup(coils, address),
    getDiscreteInput: (address) => lookup(discretes, address),
};

const server = new ModbusRTU.ServerSerial(vector, {
    path: path, baudRate: Number(baud), parity: parity, unitID: Number(unit), interval: 10,
});
server.on("initialized", () => console.log("ready"));
server.on("error", (err) => console.error("error: " + err.message));
process.on("SIGTERM", () => process.exit(0));
