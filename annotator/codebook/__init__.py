"""The codebook: the sides, stances, verdicts and topics claims are tagged with."""
