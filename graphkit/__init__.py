"""graphkit: news articles in, a knowledge graph of geopolitical actors out."""

__version__ = "0.1.0"
