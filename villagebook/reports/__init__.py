"""Reports, free of Qt: the village register workbook (openpyxl), later the printed cards."""
