"""Evidence: links, documents, statistics, dataset rows and article spans a claim is checked against."""
