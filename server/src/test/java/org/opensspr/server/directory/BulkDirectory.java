package org.opensspr.server.directory;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.opensspr.server.db.Database;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A large directory written straight into a migrated database, for the scale test and the benchmarks: one
 * INSERT … SELECT over a generated series per table (H2's SYSTEM_RANGE, PostgreSQL's generate_series), a
 * million users in well under a minute. As bulk loads do, the tables' unique constraints and plain indexes
 * are dropped first and built again afterwards from their definitions in the catalog (so they are exactly the migrations'),
 * and the database then gathers statistics (PostgreSQL: VACUUM ANALYZE, as autovacuum would).
 *
 * <p>User {@code i} (from 0): id {@code u0000042}, given name and surname from the lists below
 * ({@link #givenName}, {@link #surname}), UPN {@code given.surname.i@contoso.example}, display name
 * "Given Surname", created {@code i × 7919 mod n} seconds after {@link #START} (every second once when
 * n is a million). Group {@code g}: id {@code g000042}, name "Department 42", "Team 43", … ({@link #groupName}).
 */
public final class BulkDirectory {
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    public static final List<String> GIVEN_NAMES = List.of(("Aaron Abigail Adam Adrian Aisha Alan Albert Alejandro"
            + " Alex Alice Amanda Amy Ana Andrea Andrew Angela Anna Anthony Antonio Arthur Barbara Ben Benjamin Beth"
            + " Betty Brandon Brenda Brian Bruce Carl Carlos Carmen Carol Catherine Charles Chen Chris Christina"
            + " Claire Daniel David Deborah Dennis Diana Diego Donna Dorothy Edward Elena Elizabeth Emily Emma Eric"
            + " Eva Fatima Frank Gabriel Gary George Grace Hannah Harold Heather Helen Henry Hiroshi Ian Isabel Jack"
            + " Jacob James Jane Jason Jennifer Jessica John Jose Joseph Joshua Juan Julia Karen Kevin Kim Laura"
            + " Linda Lisa Lucas Luis Maria Mark Martha Mary Matthew Mei Michael Mohammed Nancy Nicole Olivia Omar"
            + " Patricia Paul Peter Priya Rachel Raj Richard Robert Ruth Ryan Sandra Sarah Scott Sofia Stephen"
            + " Steven Susan Thomas Timothy Victoria William Yuki Zoe").split(" "));
    public static final List<String> SURNAMES = List.of(("Smith Johnson Williams Brown Jones Garcia Miller Davis"
            + " Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee"
            + " Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott"
            + " Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez"
            + " Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook"
            + " Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson"
            + " Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders"
            + " Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler"
            + " Henderson Barnes Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds"
            + " Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray"
            + " Ford Castro Marshall Owens Harrison Fernandez Mcdonald Woods Washington Kennedy Wells Vargas Henry"
            + " Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw"
            + " Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox"
            + " Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner"
            + " Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen Peters Santos Hart Bradley"
            + " Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Alvarado Ray Delgado"
            + " Berry Perkins Hoffman Johnston Matthews Pena Richards Contreras Willis Carpenter Lawrence Sandoval")
            .split(" "));
    private static final List<String> GROUP_KINDS = List.of("Department", "Team", "Project", "Site", "Role");

    private BulkDirectory() {
    }

    public static String userId(long i) {
        return "u%07d".formatted(i);
    }

    public static String givenName(long i) {
        return GIVEN_NAMES.get((int) (i % GIVEN_NAMES.size()));
    }

    public static String surname(long i) {
        return SURNAMES.get((int) (i / GIVEN_NAMES.size() % SURNAMES.size()));
    }

    public static String userPrincipalName(long i) {
        return (givenName(i) + "." + surname(i) + "." + i + "@contoso.example").toLowerCase(Locale.ROOT);
    }

    public static String groupName(long g) {
        return GROUP_KINDS.get((int) (g % GROUP_KINDS.size())) + " " + g;
    }

    /** Writes {@code users} users and {@code groups} groups (ids from 0) into empty tables; how long each part took. */
    public static Map<String, Duration> load(Database db, int users, int groups) {
        boolean postgres = db.dialect() == SQLDialect.POSTGRES;
        return db.dsl().connectionResult(connection -> {
            DSLContext dsl = DSL.using(connection, db.dialect());
            if (postgres) {
                dsl.execute("SET maintenance_work_mem = '256MB'");
            }
            Map<String, Duration> took = new LinkedHashMap<>();
            Instant t = Instant.now();
            List<String> rebuild = dropIndexes(dsl, List.of("directory_user", "directory_group"));
            insertUsers(dsl, postgres, users);
            if (groups > 0) {
                insertGroups(dsl, postgres, groups);
            }
            took.put("insert", Duration.between(t, t = Instant.now()));
            rebuild.forEach(dsl::execute);
            took.put("indexes", Duration.between(t, t = Instant.now()));
            if (postgres) {
                dsl.execute("VACUUM ANALYZE directory_user");
                dsl.execute("VACUUM ANALYZE directory_group");
            } else {
                dsl.execute("ANALYZE");
            }
            took.put("statistics", Duration.between(t, Instant.now()));
            return took;
        });
    }

    /**
     * Nests the {@code groups} groups {@link #load} wrote into a tree of fives and puts each of its {@code users}
     * users into one leaf, then gives them contacts and security questions, for scope and impact questions at
     * scale. Group {@code g > 0} is a member of group {@code (g - 1) / 5} (100,000 groups: eight levels below
     * group 0); user {@code i} is a direct member of group {@link #leafGroupOf}. By {@code i mod 4}: 0 has an
     * office phone and questions, 1 an office phone, a mobile and questions, 2 questions and an alternate
     * email, 3 nothing.
     */
    public static Map<String, Duration> nestGroups(Database db, int users, int groups) {
        boolean postgres = db.dialect() == SQLDialect.POSTGRES;
        return db.dsl().connectionResult(connection -> {
            DSLContext dsl = DSL.using(connection, db.dialect());
            Map<String, Duration> took = new LinkedHashMap<>();
            Instant t = Instant.now();
            List<String> rebuild = dropIndexes(dsl, List.of("group_group_member", "group_user_member", "method_registration"));
            String x = "CAST(x AS BIGINT)";
            String direct = postgres ? "" : "DIRECT ";
            dsl.execute("INSERT INTO group_group_member (group_id, member_group_id) " + direct + "SELECT 'g' || LPAD("
                    + "CAST((" + x + " - 1) / 5 AS VARCHAR(10)), 6, '0'), 'g' || LPAD(CAST(x AS VARCHAR(10)), 6, '0') FROM "
                    + series(postgres, 1, groups - 1));
            long firstLeaf = firstLeaf(groups);
            dsl.execute("INSERT INTO group_user_member (group_id, user_id) " + direct + "SELECT 'g' || LPAD(CAST(" + firstLeaf
                    + " + MOD(" + x + ", " + (groups - firstLeaf) + ") AS VARCHAR(10)), 6, '0'), 'u' || LPAD(CAST(x AS"
                    + " VARCHAR(10)), 7, '0') FROM " + series(postgres, 0, users - 1));
            dsl.execute("INSERT INTO method_registration (user_id, kind, registered_at, source, question_ids) " + direct
                    + "SELECT 'u' || LPAD(CAST(x AS VARCHAR(10)), 7, '0'), 'SECURITY_QUESTIONS', TIMESTAMP WITH TIME ZONE"
                    + " '2026-11-01 09:00:00+00', 'USER', 'CHILDHOOD_HERO,FAVORITE_FOOD,FIRST_PET' FROM "
                    + series(postgres, 0, users - 1) + " WHERE MOD(" + x + ", 4) < 3");
            took.put("insert", Duration.between(t, t = Instant.now()));
            rebuild.forEach(dsl::execute);
            took.put("indexes", Duration.between(t, t = Instant.now()));
            String i = "MOD(CAST(SUBSTRING(id, 2) AS BIGINT), 4)";
            dsl.execute("UPDATE directory_user SET office_phone = CASE WHEN " + i + " < 2 THEN '+1 425 555 0199' ELSE '' END,"
                    + " mobile_phone = CASE WHEN " + i + " = 1 THEN '+1 425 555 0100' ELSE '' END,"
                    + " alternate_email = CASE WHEN " + i + " = 2 THEN 'private@private.example' ELSE '' END");
            took.put("contacts", Duration.between(t, t = Instant.now()));
            if (postgres) {
                for (String table : List.of("directory_user", "group_group_member", "group_user_member", "method_registration")) {
                    dsl.execute("VACUUM ANALYZE " + table);
                }
            } else {
                dsl.execute("ANALYZE");
            }
            took.put("statistics", Duration.between(t, Instant.now()));
            return took;
        });
    }

    /** The first of the groups that have no nested groups in {@link #nestGroups}' tree of fives. */
    public static long firstLeaf(int groups) {
        return (groups - 2) / 5 + 1;
    }

    /** The one group user {@code i} is a direct member of in {@link #nestGroups}. */
    public static String leafGroupOf(long i, int groups) {
        long firstLeaf = firstLeaf(groups);
        return "g%06d".formatted(firstLeaf + i % (groups - firstLeaf));
    }

    /**
     * Drops the tables' unique constraints (not their primary keys) and plain indexes, as bulk loads do;
     * the statements that build them again, from the catalog, so they are exactly the migrations'.
     */
    public static List<String> dropIndexes(DSLContext dsl, List<String> tables) {
        boolean postgres = dsl.dialect().family() == SQLDialect.POSTGRES;
        List<String> rebuild = new ArrayList<>();
        for (String table : tables) {
            for (Map.Entry<String, String> constraint : uniqueConstraints(dsl, postgres, table).entrySet()) {
                dsl.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + constraint.getKey());
                rebuild.add(constraint.getValue());
            }
            for (Map.Entry<String, String> index : plainIndexes(dsl, postgres, table).entrySet()) {
                dsl.execute("DROP INDEX " + index.getKey());
                rebuild.add(index.getValue());
            }
        }
        return rebuild;
    }

    /**
     * One statement; the names come from array literals, the lower-case ones from lower-case arrays (H2
     * spends most of a bulk insert evaluating expressions, so none is computed twice). UPNs are lower case.
     */
    private static void insertUsers(DSLContext dsl, boolean postgres, int users) {
        String x = "CAST(x AS BIGINT)";
        String number = "CAST(x AS VARCHAR(10))";
        String given = "MOD(" + x + ", " + GIVEN_NAMES.size() + ")";
        String surname = "MOD(" + x + " / " + GIVEN_NAMES.size() + ", " + SURNAMES.size() + ")";
        dsl.execute("INSERT INTO directory_user (id, upn, upn_key, given_name, surname, display_name, given_name_key,"
                + " surname_key, display_name_key, source, enabled, created_at, updated_at) " + (postgres ? "" : "DIRECT ")
                + "SELECT 'u' || LPAD(" + number + ", 7, '0'), upn, upn, gn, sn, gn || ' ' || sn, gk, sk, gk || ' ' || sk,"
                + " 'CLOUD', TRUE, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + MOD(" + x + " * 7919, " + users
                + ") * INTERVAL '1' SECOND, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'"
                + " FROM (SELECT x, gn, sn, gk, sk, gk || '.' || sk || '.' || " + number + " || '@contoso.example' AS upn"
                + " FROM (SELECT x, " + element(GIVEN_NAMES, given) + " AS gn, " + element(SURNAMES, surname) + " AS sn, "
                + element(lower(GIVEN_NAMES), given) + " AS gk, " + element(lower(SURNAMES), surname) + " AS sk FROM "
                + series(postgres, users) + ") named) users");
    }

    private static void insertGroups(DSLContext dsl, boolean postgres, int groups) {
        String number = "CAST(x AS VARCHAR(10))";
        String kind = "MOD(CAST(x AS BIGINT), " + GROUP_KINDS.size() + ")";
        dsl.execute("INSERT INTO directory_group (id, name, name_key, description, created_at) SELECT 'g' || LPAD("
                + number + ", 6, '0'), kind || ' ' || " + number + ", LOWER(kind) || ' ' || " + number + ", '',"
                + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + CAST(x AS BIGINT) * INTERVAL '1' MINUTE"
                + " FROM (SELECT x, " + element(GROUP_KINDS, kind) + " AS kind FROM " + series(postgres, groups) + ") named");
    }

    private static String series(boolean postgres, int count) {
        return series(postgres, 0, count - 1);
    }

    private static String series(boolean postgres, long first, long last) {
        return postgres ? "generate_series(" + first + ", " + last + ") AS r(x)" : "SYSTEM_RANGE(" + first + ", " + last + ") r(x)";
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    /** The table's unique constraints (not its primary key), with the statements that add them again. */
    private static Map<String, String> uniqueConstraints(DSLContext dsl, boolean postgres, String table) {
        Map<String, String> constraints = new LinkedHashMap<>();
        if (postgres) {
            for (Record r : dsl.fetch("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                    + " WHERE conrelid = to_regclass({0}) AND contype = 'u'", DSL.inline(table))) {
                constraints.put(r.get(0, String.class), "ALTER TABLE " + table + " ADD CONSTRAINT " + r.get(0, String.class)
                        + " " + r.get(1, String.class));
            }
            return constraints;
        }
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (Record r : dsl.fetch("SELECT tc.constraint_name, k.column_name FROM information_schema.table_constraints tc"
                + " JOIN information_schema.key_column_usage k ON k.constraint_schema = tc.constraint_schema"
                + " AND k.constraint_name = tc.constraint_name WHERE tc.table_name = {0} AND tc.constraint_type = 'UNIQUE'"
                + " ORDER BY tc.constraint_name, k.ordinal_position", DSL.inline(table))) {
            columns.computeIfAbsent(r.get(0, String.class), k -> new ArrayList<>()).add(r.get(1, String.class));
        }
        columns.forEach((name, list) -> constraints.put(name,
                "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " UNIQUE (" + String.join(", ", list) + ")"));
        return constraints;
    }

    /** ARRAY['a', 'b'][index + 1], written so both databases read it. */
    private static String element(List<String> values, String index) {
        return "(ARRAY[" + values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ")) + "])[" + index + " + 1]";
    }

    /** The table's indexes that back no constraint, with the statements that create them again. */
    private static Map<String, String> plainIndexes(DSLContext dsl, boolean postgres, String table) {
        Map<String, String> indexes = new LinkedHashMap<>();
        if (postgres) {
            for (Record r : dsl.fetch("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                    + " AND tablename = {0} AND indexname NOT IN (SELECT conname FROM pg_constraint"
                    + " WHERE conrelid = to_regclass({0}))", DSL.inline(table))) {
                indexes.put(r.get(0, String.class), r.get(1, String.class));
            }
            return indexes;
        }
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (Record r : dsl.fetch("SELECT i.index_name, c.column_name, c.ordering_specification"
                + " FROM information_schema.indexes i JOIN information_schema.index_columns c"
                + " ON c.index_schema = i.index_schema AND c.index_name = i.index_name"
                + " WHERE i.table_name = {0} AND i.index_type_name = 'INDEX'"
                // H2's own indexes behind foreign keys stay with their constraints.
                + " AND LOWER(i.index_name) NOT LIKE 'constraint%' ORDER BY i.index_name, c.ordinal_position",
                DSL.inline(table))) {
            columns.computeIfAbsent(r.get(0, String.class), k -> new ArrayList<>())
                    .add(r.get(1, String.class) + " " + r.get(2, String.class).toUpperCase(Locale.ROOT));
        }
        columns.forEach((name, list) -> indexes.put(name,
                "CREATE INDEX " + name + " ON " + table + " (" + String.join(", ", list) + ")"));
        return indexes;
    }
}
