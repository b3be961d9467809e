//! `wl-cli FILE [--json]`: summarises a `LEVEL target: message` log.
use std::path::PathBuf;

use anyhow::Context;
use clap::Parser;

#[derive(Parser)]
#[command(name = "wl-cli", about = "Summarise a log file")]
struct Args {
    /// The log file.
    file: PathBuf,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let records = wl_core::parse(&text)?;
    let summary = wl_core::summarise(&records);
    if args.json {
        println!("{}", wl_core::to_json(&summary)?);
    } else {
        println!("{} records; {:?}", summary.records, summary.by_level);
        for kind in wl_core::describe_types() {
            println!("  {kind}");
        }
    }
    Ok(())
}
