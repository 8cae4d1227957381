"""Documents made from the analytics (the server's, or the local cache's when it cannot be
reached): the municipality brief as PDF and XLSX, the training scorecard. No Qt."""
