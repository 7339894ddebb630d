"""Publication of French local authorities' administrative acts."""
