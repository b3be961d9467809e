//! `#[derive(Describe)]`: adds `fn describe() -> &'static str` returning the type's name.
//! Plain `proc_macro`, no syn/quote, so the workspace has no external dependencies.

use proc_macro::{TokenStream, TokenTree};

#[proc_macro_derive(Describe)]
pub fn derive_describe(input: TokenStream) -> TokenStream {
    let mut tokens = input.into_iter();
    let mut name = None;
    while let Some(token) = tokens.next() {
        if let TokenTree::Ident(ident) = &token {
            let word = ident.to_string();
            if word == "struct" || word == "enum" {
                if let Some(TokenTree::Ident(type_name)) = tokens.next() {
                    name = Some(type_name.to_string());
                }
                break;
            }
        }
    }
    let name = name.expect("#[derive(Describe)] needs a struct or an enum without generics");
    format!("impl {name} {{ pub fn describe() -> &'static str {{ \"{name}\" }} }}")
        .parse()
        .expect("generated impl parses")
}
