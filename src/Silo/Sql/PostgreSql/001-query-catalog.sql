-- The Orleans ADO.NET providers look their SQL up by key in a table they read as
-- "SELECT QueryKey, QueryText FROM OrleansQuery"; the rows are added by the scripts that follow.
CREATE TABLE OrleansQuery
(
    QueryKey  text NOT NULL PRIMARY KEY,
    QueryText text NOT NULL
);
