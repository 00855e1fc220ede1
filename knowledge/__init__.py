"""Loading, normalising, chunking, embedding, indexing and retrieving the study documents."""
