"""The help desk: tickets for conversations handed to a person, and the deflection report."""
