"""villagebook: the village record book (户有卡、村有册), offline and in Chinese."""

__version__ = "0.1.0"
