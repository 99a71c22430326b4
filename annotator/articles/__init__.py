"""Articles: import into the project, revisions, details, deletion, paragraph breaks."""
