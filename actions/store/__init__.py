"""The course store: tables, importer, search and ranking. No Rasa in here."""
