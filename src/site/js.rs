//! Reading plain literal values from a JavaScript or TypeScript configuration.
