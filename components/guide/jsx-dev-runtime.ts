/** Development JSX runtime (tests): the same as `./jsx-runtime`. */
export * from "./jsx-runtime";
