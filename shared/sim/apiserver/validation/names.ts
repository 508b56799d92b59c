// Name and label rules live in api/validation.ts, below both the API server and
// the label selector parser; the API server's validation reaches them from here.

export * from "../../api/validation.ts";
