"""Pure text helpers shared by importers and services: decoding bytes, reading dates."""
