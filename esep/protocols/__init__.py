"""Minutes of reports: fields, signatures, sealed chain, PDF."""
