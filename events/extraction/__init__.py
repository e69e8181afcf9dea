"""Text to places and dates, without Django: candidates, evidence, scores, results."""
