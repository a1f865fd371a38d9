"""An independent Modbus TCP server (pymodbus 3.0) with known values, for the driver's tests.

Usage: python3 pymodbus_server.py PORT   (listens on 127.0.0.1:PORT, any unit id)

Input registers (sparse: undefined addresses answer exception 02):
  0x0000 float32 230.5, 0x0002 float32 -12.25, 0x0046 float32 50.0, 0x0048 uint32 123456789
Holding registers 100..104: 1, 2, 3, 0xFFFF, 0x8000
Coils 0..9: 1 0 1 1 0 0 0 0 1 1; discrete inputs 0..1: 0 1
"""
import logging
import struct
import sys

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusSparseDataBlock
from pymodbus.datastore import ModbusServerContext, ModbusSlaveContext
from pymodbus.server import StartTcpServer


def float_words(value):
    high, low = struct.unpack(">HH", struct.pack(">f", value))
    return [high, low]


def uint32_words(value):
    return [value >> 16, value & 0xFFFF]


def main():
    port = int(sys.argv[1])
    logging.basicConfig(level=logging.WARNING)
    inputs = ModbusSparseDataBlock({
        0x0000: float_words(230.5) + float_words(-12.25),
        0x0046: float_words(50.0) + uint32_words(123456789),
    })
    slave = ModbusSlaveContext(
        ir=inputs,
        hr=ModbusSequentialDataBlock(100, [1, 2, 3, 0xFFFF, 0x8000]),
        co=ModbusSequentialDataBlock(0, [1, 0, 1, 1, 0, 0, 0, 0, 1, 1]),
        di=ModbusSequentialDataBlock(0, [0, 1]),
        zero_mode=True,
    )
    StartTcpServer(context=ModbusServerContext(slaves=slave, single=True), address=("127.0.0.1", port))


if __name__ == "__main__":
    main()
