"""A checklist as an XLSForm for KoboToolbox and ODK Collect: the rule turned into XPath
(`xpath.py`), the form's sheets (`sheets.py`) and the workbook file (`workbook.py`)."""
