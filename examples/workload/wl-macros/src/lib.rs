//! `#[derive(Describe)]`: a plain `proc_macro` derive (no syn) that gives a struct
//! `fn describe() -> &'static str` returning its name and field count.
use proc_macro::{Delimiter, TokenStream, TokenTree};

#[proc_macro_derive(Describe)]
pub fn derive_describe(input: TokenStream) -> TokenStream {
    let mut tokens = input.into_iter();
    let mut name = None;
    let mut fields = 0usize;
    while let Some(token) = tokens.next() {
        match token {
            TokenTree::Ident(ident) if ident.to_string() == "struct" => {
                if let Some(TokenTree::Ident(n)) = tokens.next() {
                    name = Some(n.to_string());
                }
            }
            TokenTree::Group(group) if name.is_some() && group.delimiter() == Delimiter::Brace => {
                let mut depth = 0i32;
                let mut seen_field = false;
                for inner in group.stream() {
                    match inner {
                        TokenTree::Punct(p) if p.as_char() == '<' => depth += 1,
                        TokenTree::Punct(p) if p.as_char() == '>' => depth -= 1,
                        TokenTree::Punct(p) if p.as_char() == ':' && depth == 0 && !seen_field => {
                            fields += 1;
                            seen_field = true;
                        }
                        TokenTree::Punct(p) if p.as_char() == ',' && depth == 0 => seen_field = false,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    let name = name.expect("#[derive(Describe)] works on structs only");
    format!(
        "impl {name} {{ pub fn describe() -> &'static str {{ \"{name} ({fields} fields)\" }} }}"
    )
    .parse()
    .expect("generated impl parses")
}
