"""Datasets: tables (CSV, TSV, Excel) imported into the project and cited as evidence."""
