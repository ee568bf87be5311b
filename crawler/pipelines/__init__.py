"""Item pipelines, one per file and thin: extract_page hands the bytes to extract/, warc_page keeps
the fetched answer in WARC files, store_page writes the result to the SQLite store (crawler/store/)."""
