#!/usr/bin/env python3
# Written by `attain spark-job` for program __PROGRAM__. Write it again when the rules change:
# the credit bases below are derived from them, and `attain evaluate --credits` refuses a table
# computed for other rules.
"""Credits a partner program's consumption to its partners, on Apache Spark.

Computes the table `attain evaluate --credits PATH` decides from: the consumption credited to
each partner through its associations (SPEC sections 4.4 and 4.5), summed per credit basis,
partner and calendar month (and per customer, service and offer where the program's measures
need them). Exact: amounts and rates are DECIMAL, each row's value is rounded half to even to
six decimal places (bround), a row counts once per partner however many of its associations
cover it, and ANSI mode makes a value that does not parse or a sum that overflows fail the job
rather than go quietly wrong.

    spark-submit attain-credits.py --consumption PATH --associations PATH \\
        [--fx-rates PATH] [--up-to YYYY-MM-DD] --out PATH

Each PATH is a Parquet file or folder (parts at any depth, as cost exports lay them out), a CSV
file or folder (`--input-format csv`; `*.csv` and `*.csv.gz`), or a Delta table (`--input-format
delta`, with the Delta package on the cluster), with the columns of attain's data folder:
consumption `customer_id`, `date`, `amount`, `currency` [, `service`, `offer`]; associations
`partner_id`, `customer_id`, `kind`, `start` [, `end`]; rates `currency`, `month`,
`usd_per_unit`. Amounts and rates are text or DECIMAL with at most 12 decimal places, never
floating point. The job does not check that partners exist: `attain evaluate --credits` does,
against the data folder's partners.csv.
"""
import argparse
import json
import sys

SPEC = json.loads(r"""__SPEC__""")

KINDS = ["DPOR", "TPOR", "DAP", "CSP", "PAL"]
# Amounts and rates are held exactly as DECIMAL(38, 12); their product as DECIMAL(38, 24).
SCALE = 12


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description=f"Credits the consumption of program {SPEC['program']} to its partners, per month.",
    )
    parser.add_argument("--consumption", required=True, help="consumption rows")
    parser.add_argument("--associations", required=True, help="partners' associations with customers")
    parser.add_argument("--fx-rates", help="monthly rates, needed when a currency other than USD occurs")
    parser.add_argument("--out", required=True, help="where to write the credits (a Parquet folder)")
    parser.add_argument(
        "--up-to",
        metavar="YYYY-MM-DD",
        help="credit only rows dated on or before this day, so that decisions as of it may use the table "
        "(without it, the table serves month ends and dates after the last row)",
    )
    parser.add_argument("--input-format", choices=["parquet", "csv", "delta"], default="parquet")
    parser.add_argument("--output-format", choices=["parquet", "delta"], default="parquet")
    parser.add_argument("--overwrite", action="store_true", help="replace what is at --out")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.appName(f"attain credits: {SPEC['program']}")
        .config("spark.sql.ansi.enabled", "true")
        # Products keep every digit (or overflow loudly) instead of being rounded to fit.
        .config("spark.sql.decimalOperations.allowPrecisionLoss", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    credits = credit(spark, args)
    writer = credits.write.mode("overwrite" if args.overwrite else "errorifexists")
    writer.format(args.output_format).save(args.out)


def read(spark, path, fmt):
    reader = spark.read
    if fmt == "csv":
        # Everything as text, trimmed, as attain reads CSV; a malformed line fails the job.
        reader = (
            reader.option("header", "true")
            .option("inferSchema", "false")
            .option("ignoreLeadingWhiteSpace", "true")
            .option("ignoreTrailingWhiteSpace", "true")
            .option("mode", "FAILFAST")
            .option("recursiveFileLookup", "true")
        )
        return reader.csv(path)
    if fmt == "parquet":
        reader = reader.option("recursiveFileLookup", "true")
    return reader.format(fmt).load(path)


def column(df, name, what, required=True):
    from pyspark.sql import functions as F

    if name in df.columns:
        return F.col(name)
    if required:
        raise SystemExit(f"error: {what} has no column `{name}` (columns: {', '.join(df.columns)})")
    return F.lit(None).cast("string")


def text(df, name, what, required=True):
    """A column as trimmed text; empty text as null."""
    from pyspark.sql import functions as F

    value = F.trim(column(df, name, what, required).cast("string"))
    return F.when(value == "", F.lit(None)).otherwise(value)


def fail(message):
    """Stops the job with `message` (a Column of text) when evaluated."""
    from pyspark.sql import functions as F

    return F.raise_error(F.concat(F.lit("attain credits: "), message))


def checked(value, ok, message):
    """`value`, or the job stops with `message` where `ok` is false or null."""
    from pyspark.sql import functions as F

    return F.when(F.coalesce(ok, F.lit(False)), value).otherwise(fail(message))


def required(value, name, what):
    from pyspark.sql import functions as F

    return checked(value, value.isNotNull(), F.lit(f"{what}: a row has no {name}"))


def day(df, name, what, optional=False):
    """A date column: DATE, or text `YYYY-MM-DD` naming a calendar day."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import DateType

    if name in df.columns and isinstance(df.schema[name].dataType, DateType):
        value = F.col(name)
        return value if optional else required(value, name, what)
    raw = text(df, name, what, required=not optional)
    parsed = F.when(raw.rlike(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), F.try_to_date(raw, "yyyy-MM-dd"))
    message = F.concat(F.lit(f"{what}: {name} "), F.coalesce(raw, F.lit("(empty)")), F.lit(" is not a day YYYY-MM-DD"))
    ok = parsed.isNotNull() | (raw.isNull() if optional else F.lit(False))
    return checked(parsed, ok, message)


def exact(df, name, what):
    """An amount or rate as DECIMAL(38, 12), exactly: text of digits with an optional `-` and
    `.`, or a DECIMAL or integer column; anything that would be rounded to fit stops the job."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import DecimalType, FloatType, DoubleType, StringType

    target = f"decimal(38,{SCALE})"
    kind = df.schema[name].dataType if name in df.columns else StringType()
    if isinstance(kind, (FloatType, DoubleType)):
        raise SystemExit(
            f"error: {what} column `{name}` is floating point, which cannot hold money exactly: "
            "write it as DECIMAL or text"
        )
    if isinstance(kind, StringType):
        raw = text(df, name, what)
        pattern = rf"^-?[0-9]+(\.[0-9]{{0,{SCALE}}}0*)?$"
        message = F.concat(
            F.lit(f"{what}: {name} "),
            F.coalesce(raw, F.lit("(empty)")),
            F.lit(f" is not a decimal number with at most {SCALE} decimal places"),
        )
        return checked(raw.cast(target), raw.rlike(pattern), message)
    value = F.col(name)
    as_target = value.cast(target)
    message = F.concat(F.lit(f"{what}: {name} "), value.cast("string"), F.lit(f" has more than {SCALE} decimal places"))
    ok = as_target == value if isinstance(kind, DecimalType) else F.lit(True)
    return checked(as_target, required(value, name, what).isNotNull() & ok, message)


def credit(spark, args):
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    what = "consumption"
    raw = read(spark, args.consumption, args.input_format)
    currency = required(text(raw, "currency", what), "currency", what)
    rows = raw.select(
        required(text(raw, "customer_id", what), "customer_id", what).alias("customer_id"),
        day(raw, "date", what).alias("date"),
        exact(raw, "amount", what).alias("amount"),
        checked(currency, currency.rlike("^[A-Z]{3}$"), F.concat(F.lit("consumption: currency "), currency,
                F.lit(" is not an ISO 4217 code"))).alias("currency"),
        text(raw, "service", what, required=False).alias("service"),
        text(raw, "offer", what, required=False).alias("offer"),
    )
    if args.up_to:
        rows = rows.where(F.col("date") <= F.to_date(F.lit(args.up_to)))
    rows = rows.withColumn("month", F.trunc("date", "month"))

    # Each row's value, exactly: amount x rate of its currency and month, rounded half to even.
    if args.fx_rates:
        what = "fx_rates"
        raw_rates = read(spark, args.fx_rates, args.input_format)
        month_text = required(text(raw_rates, "month", what), "month", what)
        rates = raw_rates.select(
            required(text(raw_rates, "currency", what), "currency", what).alias("rate_currency"),
            checked(month_text, month_text.rlike("^[0-9]{4}-(0[1-9]|1[0-2])$"),
                    F.concat(F.lit("fx_rates: month "), month_text, F.lit(" is not YYYY-MM"))).alias("rate_month"),
            exact(raw_rates, "usd_per_unit", what).alias("usd_per_unit"),
        )
        twice = rates.groupBy("rate_currency", "rate_month").count().where("count > 1").limit(1).collect()
        if twice:
            raise SystemExit(f"error: fx_rates: a second rate for {twice[0][0]} in {twice[0][1]}")
        rows = rows.join(
            F.broadcast(rates),
            (rows.currency == rates.rate_currency) & (F.date_format(rows.date, "yyyy-MM") == rates.rate_month),
            "left",
        )
    else:
        rows = rows.withColumn("usd_per_unit", F.lit(None).cast(f"decimal(38,{SCALE})"))
    no_rate = F.concat(F.lit("consumption: no rate for "), F.col("currency"), F.lit(" in "),
                       F.date_format("date", "yyyy-MM"), F.lit(" (fx_rates)"))
    value = (
        F.when(F.col("currency") == "USD", F.bround(F.col("amount"), 6))
        .when(F.col("usd_per_unit").isNotNull(), F.bround(F.col("amount") * F.col("usd_per_unit"), 6))
        .otherwise(fail(no_rate))
        .cast("decimal(38,6)")
    )
    rows = rows.select("customer_id", "date", "month", "service", "offer", value.alias("usd"))

    # Associations of the kinds each basis counts, those of one partner and customer merged where
    # they overlap, so that a row meets at most one per partner and basis: it counts once.
    what = "associations"
    raw_links = read(spark, args.associations, args.input_format)
    kind = required(text(raw_links, "kind", what), "kind", what)
    links = raw_links.select(
        required(text(raw_links, "partner_id", what), "partner_id", what).alias("partner_id"),
        required(text(raw_links, "customer_id", what), "customer_id", what).alias("link_customer"),
        checked(kind, kind.isin(KINDS), F.concat(F.lit("associations: unknown kind "), kind)).alias("kind"),
        day(raw_links, "start", what).alias("start"),
        day(raw_links, "end", what, optional=True).alias("end"),
    )
    backwards = F.concat(F.lit("associations: end "), F.col("end").cast("string"), F.lit(" is before start "),
                         F.col("start").cast("string"))
    open_end = F.to_date(F.lit("9999-12-31"))
    links = links.select(
        "partner_id", "link_customer", "kind", "start",
        checked(F.coalesce("end", open_end), F.col("end").isNull() | (F.col("end") >= F.col("start")),
                backwards).alias("end"),
    )
    counting = spark.createDataFrame(
        [(b["basis"], k) for b in SPEC["bases"] for k in b["kinds"]], "basis string, counting_kind string"
    )
    links = links.join(F.broadcast(counting), links.kind == counting.counting_kind).drop("kind", "counting_kind")
    pair = Window.partitionBy("basis", "partner_id", "link_customer").orderBy("start", "end")
    reach = F.max("end").over(pair.rowsBetween(Window.unboundedPreceding, -1))
    links = (
        links.withColumn("new", F.when(reach.isNull() | (F.col("start") > reach), 1).otherwise(0))
        .withColumn("island", F.sum("new").over(pair.rowsBetween(Window.unboundedPreceding, 0)))
        .groupBy("basis", "partner_id", "link_customer", "island")
        .agg(F.min("start").alias("start"), F.max("end").alias("end"))
    )

    credited = rows.join(
        links,
        (rows.customer_id == links.link_customer) & (links.start <= rows.date) & (rows.date <= links.end),
    )
    kept = F.lit(True)
    for basis in SPEC["bases"]:
        left_out = F.lit(False)
        for col, values in basis["exclude"].items():
            left_out = left_out | F.coalesce(F.col(col), F.lit("")).isin(values)
        kept = F.when(F.col("basis") == basis["basis"], ~left_out).otherwise(kept)
    credited = credited.where(kept)

    keys = ["basis", "partner_id", "month"]
    if SPEC["per_customer"]:
        keys += ["customer_id", "service", "offer"]
    return credited.groupBy(*keys).agg(
        (F.sum("usd") * 1000000).cast("bigint").alias("micros"),
        F.max("date").alias("latest"),
    )


if __name__ == "__main__":
    main()
