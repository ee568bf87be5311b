"""`nianbao export`: the data set as files researchers open (CSV, Parquet, Excel).

datasets.py reads the tables out of the store (reports, figures long and wide, the data
dictionary, each figure's provenance); writers.py writes them in each format.
"""
