"""Export: Word files and their rendering, previews and the offline edition."""
