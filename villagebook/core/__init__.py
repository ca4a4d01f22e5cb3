"""The domain, free of Qt: records, code lists, validation and rules."""
