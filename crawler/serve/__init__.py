"""`nianbao serve`: Datasette over the store, with the metadata, canned queries and dashboard
shipped beside this module (metadata.yml)."""
