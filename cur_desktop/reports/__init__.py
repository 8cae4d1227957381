"""Documents made from the server's analytics: the municipality brief as PDF and XLSX. No Qt."""
