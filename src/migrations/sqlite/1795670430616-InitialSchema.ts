import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795670430616 implements MigrationInterface {
  name = 'InitialSchema1795670430616';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "api_key" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar NOT NULL, "role" varchar(16) NOT NULL, "prefix" varchar(16) NOT NULL, "hash" varchar(64) NOT NULL, "created_at" varchar(32) NOT NULL, "revoked_at" varchar(32))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_45e0aa2a880b928326a05a2888" ON "api_key" ("hash") `);
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" varchar(32) NOT NULL, "actor" varchar NOT NULL, "actor_key_id" integer, "role" varchar(16), "action" varchar(64) NOT NULL, "subject" varchar(128), "changes" text NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9d18bd4a32fc0cd8ff82b12037" ON "audit_entry" ("at") `);
    await queryRunner.query(`CREATE INDEX "IDX_b68dcc794cea3a97d59a0b8771" ON "audit_entry" ("action") `);
    await queryRunner.query(
      `CREATE TABLE "source" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar NOT NULL, "title" varchar NOT NULL, "publisher" varchar NOT NULL, "published_on" varchar(24) NOT NULL, "url" varchar, "text" text NOT NULL, "content_hash" varchar(64) NOT NULL, CONSTRAINT "UQ_73b9082fc0d085f1248327af4b2" UNIQUE ("slug"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "citation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "subject_type" varchar(32) NOT NULL, "subject_id" integer NOT NULL, "source_id" integer NOT NULL, "quote" text NOT NULL, "offset" integer NOT NULL, CONSTRAINT "UQ_fecbeda1fd9722c1aba637bcd6c" UNIQUE ("subject_type", "subject_id", "source_id", "quote"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b1661be309b71bd750d6f02738" ON "citation" ("source_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f37e0f3f5651225bac756e9bf2" ON "citation" ("subject_type", "subject_id") `);
    await queryRunner.query(
      `CREATE TABLE "party" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar NOT NULL, "name" varchar NOT NULL, "aliases" text NOT NULL, "description" text, "authority_kind" varchar(16), "jurisdiction" varchar(8), "headquarters" varchar, "country" varchar(2), "party_type" varchar(16) NOT NULL, CONSTRAINT "UQ_f3347e77419244541fc38bc5fd6" UNIQUE ("slug"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_party_type_slug" ON "party" ("party_type", "slug") `);
    await queryRunner.query(`CREATE INDEX "IDX_bc482095c10a443da84585eca9" ON "party" ("party_type") `);
    await queryRunner.query(
      `CREATE TABLE "event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar NOT NULL, "title" varchar NOT NULL, "date" varchar(24), "location" varchar, CONSTRAINT "UQ_9d0d870657c4fac264cdca048e8" UNIQUE ("slug"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_158ebc26716f3fc2042cc9dd2e" ON "event" ("date") `);
    await queryRunner.query(
      `CREATE TABLE "event_participant" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "party_id" integer NOT NULL, "event_id" integer NOT NULL, CONSTRAINT "UQ_63a2ed25a5344d1b34093f9781a" UNIQUE ("event_id", "party_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_676b65e6448bf427651d8bf2fa" ON "event_participant" ("party_id") `);
    await queryRunner.query(
      `CREATE TABLE "regulatory_action" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar NOT NULL, "authority_id" integer NOT NULL, "subject_id" integer, "description" text NOT NULL, "date" varchar(24), CONSTRAINT "UQ_a82b146d1a4827c8cbb3faeb7ec" UNIQUE ("slug"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_87c13c6b24f93e335718f3cd1d" ON "regulatory_action" ("authority_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ea57adb3f4357c8eef414b1492" ON "regulatory_action" ("subject_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_3c9bc30915a6cdffb6b800083c" ON "regulatory_action" ("date") `);
    await queryRunner.query(
      `CREATE TABLE "lawsuit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar NOT NULL, "title" varchar NOT NULL, "kind" varchar(32) NOT NULL, "status" varchar(16) NOT NULL, "filed" varchar(24), "venue" varchar, "summary" text, "technologies" text NOT NULL, "challenges_id" integer, CONSTRAINT "UQ_74723aff87ce0c73da03be073b1" UNIQUE ("slug"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8d3d2612fbb2f63e61321919cb" ON "lawsuit" ("filed") `);
    await queryRunner.query(`CREATE INDEX "IDX_ea1f15bac224af564ad92ff22f" ON "lawsuit" ("challenges_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8591b6c55b5bff7164bff38071" ON "lawsuit" ("kind", "status", "slug") `);
    await queryRunner.query(`CREATE INDEX "IDX_cd0da74b67b547aff91bf4951f" ON "lawsuit" ("status", "slug") `);
    await queryRunner.query(`CREATE INDEX "IDX_a8cb5fdd94ebc4b36a36f50619" ON "lawsuit" ("kind", "slug") `);
    await queryRunner.query(
      `CREATE TABLE "lawsuit_party" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "party_id" integer NOT NULL, "lawsuit_id" integer NOT NULL, "role" varchar(16) NOT NULL, CONSTRAINT "UQ_e3445b560809b0df0a874d60c82" UNIQUE ("lawsuit_id", "party_id", "role"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_14c7e97a80a5eb6f33cd37e558" ON "lawsuit_party" ("party_id") `);
    await queryRunner.query(
      `CREATE TABLE "licensing_negotiation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar NOT NULL, "subject" varchar NOT NULL, "status" varchar(16) NOT NULL, "started" varchar(24), "summary" text, CONSTRAINT "UQ_70a143a7fcf0ad82947354080da" UNIQUE ("slug"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f34cc86351e6cda0789e879007" ON "licensing_negotiation" ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_58c34045cd22fa12de2fa4ca7e" ON "licensing_negotiation" ("started") `);
    await queryRunner.query(
      `CREATE TABLE "negotiation_party" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "party_id" integer NOT NULL, "negotiation_id" integer NOT NULL, CONSTRAINT "UQ_822a008b091340e7b8736c0fd9d" UNIQUE ("negotiation_id", "party_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2882934b844cb362aca03e9d8c" ON "negotiation_party" ("party_id") `);
    await queryRunner.query(
      `CREATE TABLE "characterization" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "party_id" integer NOT NULL, "text" text NOT NULL, "topics" text NOT NULL, CONSTRAINT "UQ_3a712d6a8802c68f09004fa9c36" UNIQUE ("party_id", "text"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_086e98359df7dcefd26d2f4f1e" ON "characterization" ("party_id") `);
    await queryRunner.query(
      `CREATE TABLE "patent_stat" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "holder_id" integer NOT NULL, "scope" varchar(16) NOT NULL, "count" integer NOT NULL, "qualifier" varchar(16), "as_of" varchar(24), CONSTRAINT "UQ_47959c6242f6a113f53622170ad" UNIQUE ("holder_id", "scope", "as_of"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f0b514a878a554755930bf52aa" ON "patent_stat" ("holder_id") `);
    await queryRunner.query(
      `CREATE TABLE "affiliation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "person_id" integer NOT NULL, "organization_id" integer NOT NULL, "role" varchar NOT NULL, "since" varchar(24), CONSTRAINT "UQ_22cfe49ed0571beb5390ac64a3a" UNIQUE ("person_id", "organization_id", "role"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b03c71bf9167f1c4626506d317" ON "affiliation" ("person_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8cf9d4cf902b2538748b72ff03" ON "affiliation" ("organization_id") `);
    await queryRunner.query(
      `CREATE TABLE "kinship" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "person_id" integer NOT NULL, "relative_id" integer NOT NULL, "relation" varchar NOT NULL, "inverse_relation" varchar NOT NULL, CONSTRAINT "UQ_589ddd8c736633b1fc6304b61e5" UNIQUE ("person_id", "relative_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9106d3eea9edd09f0c7d2d35cc" ON "kinship" ("person_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_55ec97e779d7fd69b89f29151a" ON "kinship" ("relative_id") `);
    await queryRunner.query(
      `CREATE TABLE "ranking" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar NOT NULL, "name" varchar NOT NULL, "year" integer, "basis" text, "data_from_id" integer, CONSTRAINT "UQ_38c3b282b69b6fa951334695871" UNIQUE ("slug"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_07b029272bc94c10614ad7a5a9" ON "ranking" ("year") `);
    await queryRunner.query(`CREATE INDEX "IDX_a840d7f0f369dc70ca7eea59ff" ON "ranking" ("data_from_id") `);
    await queryRunner.query(
      `CREATE TABLE "ranking_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ranking_id" integer NOT NULL, "party_id" integer NOT NULL, "position" integer, CONSTRAINT "UQ_72615d06f27c8dd10980e145380" UNIQUE ("ranking_id", "party_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_0b630e4d8d4801e3a7f10856a6" ON "ranking_entry" ("party_id") `);
    await queryRunner.query(
      `CREATE TABLE "sanction" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar NOT NULL, "target_id" integer NOT NULL, "authority_id" integer NOT NULL, "description" text NOT NULL, "imposed" varchar(24), "status" varchar(16) NOT NULL, CONSTRAINT "UQ_28557b95eb84ce481f3382ed7b0" UNIQUE ("slug"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b55980b0b1be945fbd2b8e36ae" ON "sanction" ("target_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_91fa010cdcd6931de7f4c1fd09" ON "sanction" ("authority_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_39021d6f3ce8a43bf7e05b4ac9" ON "sanction" ("imposed") `);
    await queryRunner.query(`CREATE INDEX "IDX_f862d98218b79538bf744bab2e" ON "sanction" ("status") `);
    await queryRunner.query(
      `CREATE TABLE "statement" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar NOT NULL, "speaker_id" integer NOT NULL, "text" text NOT NULL, "date" varchar(24), CONSTRAINT "UQ_d0e80e2988ed6646f38ff1e6524" UNIQUE ("slug"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_0db351ba9ea6c3cd2a0ea63866" ON "statement" ("speaker_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b2cd816b10de652a889bb515ee" ON "statement" ("date") `);
    await queryRunner.query(`DROP INDEX "IDX_b1661be309b71bd750d6f02738"`);
    await queryRunner.query(`DROP INDEX "IDX_f37e0f3f5651225bac756e9bf2"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_citation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "subject_type" varchar(32) NOT NULL, "subject_id" integer NOT NULL, "source_id" integer NOT NULL, "quote" text NOT NULL, "offset" integer NOT NULL, CONSTRAINT "UQ_fecbeda1fd9722c1aba637bcd6c" UNIQUE ("subject_type", "subject_id", "source_id", "quote"), CONSTRAINT "FK_b1661be309b71bd750d6f027387" FOREIGN KEY ("source_id") REFERENCES "source" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_citation"("id", "subject_type", "subject_id", "source_id", "quote", "offset") SELECT "id", "subject_type", "subject_id", "source_id", "quote", "offset" FROM "citation"`,
    );
    await queryRunner.query(`DROP TABLE "citation"`);
    await queryRunner.query(`ALTER TABLE "temporary_citation" RENAME TO "citation"`);
    await queryRunner.query(`CREATE INDEX "IDX_b1661be309b71bd750d6f02738" ON "citation" ("source_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f37e0f3f5651225bac756e9bf2" ON "citation" ("subject_type", "subject_id") `);
    await queryRunner.query(`DROP INDEX "IDX_676b65e6448bf427651d8bf2fa"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_event_participant" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "party_id" integer NOT NULL, "event_id" integer NOT NULL, CONSTRAINT "UQ_63a2ed25a5344d1b34093f9781a" UNIQUE ("event_id", "party_id"), CONSTRAINT "FK_676b65e6448bf427651d8bf2fae" FOREIGN KEY ("party_id") REFERENCES "party" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_8fd5818ed624f0ea3b4d5dee652" FOREIGN KEY ("event_id") REFERENCES "event" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_event_participant"("id", "party_id", "event_id") SELECT "id", "party_id", "event_id" FROM "event_participant"`,
    );
    await queryRunner.query(`DROP TABLE "event_participant"`);
    await queryRunner.query(`ALTER TABLE "temporary_event_participant" RENAME TO "event_participant"`);
    await queryRunner.query(`CREATE INDEX "IDX_676b65e6448bf427651d8bf2fa" ON "event_participant" ("party_id") `);
    await queryRunner.query(`DROP INDEX "IDX_87c13c6b24f93e335718f3cd1d"`);
    await queryRunner.query(`DROP INDEX "IDX_ea57adb3f4357c8eef414b1492"`);
    await queryRunner.query(`DROP INDEX "IDX_3c9bc30915a6cdffb6b800083c"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_regulatory_action" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar NOT NULL, "authority_id" integer NOT NULL, "subject_id" integer, "description" text NOT NULL, "date" varchar(24), CONSTRAINT "UQ_a82b146d1a4827c8cbb3faeb7ec" UNIQUE ("slug"), CONSTRAINT "FK_87c13c6b24f93e335718f3cd1dc" FOREIGN KEY ("authority_id") REFERENCES "party" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_ea57adb3f4357c8eef414b14923" FOREIGN KEY ("subject_id") REFERENCES "party" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_regulatory_action"("id", "slug", "authority_id", "subject_id", "description", "date") SELECT "id", "slug", "authority_id", "subject_id", "description", "date" FROM "regulatory_action"`,
    );
    await queryRunner.query(`DROP TABLE "regulatory_action"`);
    await queryRunner.query(`ALTER TABLE "temporary_regulatory_action" RENAME TO "regulatory_action"`);
    await queryRunner.query(`CREATE INDEX "IDX_87c13c6b24f93e335718f3cd1d" ON "regulatory_action" ("authority_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ea57adb3f4357c8eef414b1492" ON "regulatory_action" ("subject_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_3c9bc30915a6cdffb6b800083c" ON "regulatory_action" ("date") `);
    await queryRunner.query(`DROP INDEX "IDX_8d3d2612fbb2f63e61321919cb"`);
    await queryRunner.query(`DROP INDEX "IDX_ea1f15bac224af564ad92ff22f"`);
    await queryRunner.query(`DROP INDEX "IDX_8591b6c55b5bff7164bff38071"`);
    await queryRunner.query(`DROP INDEX "IDX_cd0da74b67b547aff91bf4951f"`);
    await queryRunner.query(`DROP INDEX "IDX_a8cb5fdd94ebc4b36a36f50619"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_lawsuit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar NOT NULL, "title" varchar NOT NULL, "kind" varchar(32) NOT NULL, "status" varchar(16) NOT NULL, "filed" varchar(24), "venue" varchar, "summary" text, "technologies" text NOT NULL, "challenges_id" integer, CONSTRAINT "UQ_74723aff87ce0c73da03be073b1" UNIQUE ("slug"), CONSTRAINT "FK_ea1f15bac224af564ad92ff22fc" FOREIGN KEY ("challenges_id") REFERENCES "regulatory_action" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_lawsuit"("id", "slug", "title", "kind", "status", "filed", "venue", "summary", "technologies", "challenges_id") SELECT "id", "slug", "title", "kind", "status", "filed", "venue", "summary", "technologies", "challenges_id" FROM "lawsuit"`,
    );
    await queryRunner.query(`DROP TABLE "lawsuit"`);
    await queryRunner.query(`ALTER TABLE "temporary_lawsuit" RENAME TO "lawsuit"`);
    await queryRunner.query(`CREATE INDEX "IDX_8d3d2612fbb2f63e61321919cb" ON "lawsuit" ("filed") `);
    await queryRunner.query(`CREATE INDEX "IDX_ea1f15bac224af564ad92ff22f" ON "lawsuit" ("challenges_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8591b6c55b5bff7164bff38071" ON "lawsuit" ("kind", "status", "slug") `);
    await queryRunner.query(`CREATE INDEX "IDX_cd0da74b67b547aff91bf4951f" ON "lawsuit" ("status", "slug") `);
    await queryRunner.query(`CREATE INDEX "IDX_a8cb5fdd94ebc4b36a36f50619" ON "lawsuit" ("kind", "slug") `);
    await queryRunner.query(`DROP INDEX "IDX_14c7e97a80a5eb6f33cd37e558"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_lawsuit_party" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "party_id" integer NOT NULL, "lawsuit_id" integer NOT NULL, "role" varchar(16) NOT NULL, CONSTRAINT "UQ_e3445b560809b0df0a874d60c82" UNIQUE ("lawsuit_id", "party_id", "role"), CONSTRAINT "FK_14c7e97a80a5eb6f33cd37e558d" FOREIGN KEY ("party_id") REFERENCES "party" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_c052643f4a668fc25e83606fa43" FOREIGN KEY ("lawsuit_id") REFERENCES "lawsuit" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_lawsuit_party"("id", "party_id", "lawsuit_id", "role") SELECT "id", "party_id", "lawsuit_id", "role" FROM "lawsuit_party"`,
    );
    await queryRunner.query(`DROP TABLE "lawsuit_party"`);
    await queryRunner.query(`ALTER TABLE "temporary_lawsuit_party" RENAME TO "lawsuit_party"`);
    await queryRunner.query(`CREATE INDEX "IDX_14c7e97a80a5eb6f33cd37e558" ON "lawsuit_party" ("party_id") `);
    await queryRunner.query(`DROP INDEX "IDX_2882934b844cb362aca03e9d8c"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_negotiation_party" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "party_id" integer NOT NULL, "negotiation_id" integer NOT NULL, CONSTRAINT "UQ_822a008b091340e7b8736c0fd9d" UNIQUE ("negotiation_id", "party_id"), CONSTRAINT "FK_2882934b844cb362aca03e9d8cf" FOREIGN KEY ("party_id") REFERENCES "party" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_5eb63d7071a4a9a1c730772d59f" FOREIGN KEY ("negotiation_id") REFERENCES "licensing_negotiation" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_negotiation_party"("id", "party_id", "negotiation_id") SELECT "id", "party_id", "negotiation_id" FROM "negotiation_party"`,
    );
    await queryRunner.query(`DROP TABLE "negotiation_party"`);
    await queryRunner.query(`ALTER TABLE "temporary_negotiation_party" RENAME TO "negotiation_party"`);
    await queryRunner.query(`CREATE INDEX "IDX_2882934b844cb362aca03e9d8c" ON "negotiation_party" ("party_id") `);
    await queryRunner.query(`DROP INDEX "IDX_086e98359df7dcefd26d2f4f1e"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_characterization" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "party_id" integer NOT NULL, "text" text NOT NULL, "topics" text NOT NULL, CONSTRAINT "UQ_3a712d6a8802c68f09004fa9c36" UNIQUE ("party_id", "text"), CONSTRAINT "FK_086e98359df7dcefd26d2f4f1e0" FOREIGN KEY ("party_id") REFERENCES "party" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_characterization"("id", "party_id", "text", "topics") SELECT "id", "party_id", "text", "topics" FROM "characterization"`,
    );
    await queryRunner.query(`DROP TABLE "characterization"`);
    await queryRunner.query(`ALTER TABLE "temporary_characterization" RENAME TO "characterization"`);
    await queryRunner.query(`CREATE INDEX "IDX_086e98359df7dcefd26d2f4f1e" ON "characterization" ("party_id") `);
    await queryRunner.query(`DROP INDEX "IDX_f0b514a878a554755930bf52aa"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_patent_stat" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "holder_id" integer NOT NULL, "scope" varchar(16) NOT NULL, "count" integer NOT NULL, "qualifier" varchar(16), "as_of" varchar(24), CONSTRAINT "UQ_47959c6242f6a113f53622170ad" UNIQUE ("holder_id", "scope", "as_of"), CONSTRAINT "FK_f0b514a878a554755930bf52aa9" FOREIGN KEY ("holder_id") REFERENCES "party" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_patent_stat"("id", "holder_id", "scope", "count", "qualifier", "as_of") SELECT "id", "holder_id", "scope", "count", "qualifier", "as_of" FROM "patent_stat"`,
    );
    await queryRunner.query(`DROP TABLE "patent_stat"`);
    await queryRunner.query(`ALTER TABLE "temporary_patent_stat" RENAME TO "patent_stat"`);
    await queryRunner.query(`CREATE INDEX "IDX_f0b514a878a554755930bf52aa" ON "patent_stat" ("holder_id") `);
    await queryRunner.query(`DROP INDEX "IDX_b03c71bf9167f1c4626506d317"`);
    await queryRunner.query(`DROP INDEX "IDX_8cf9d4cf902b2538748b72ff03"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_affiliation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "person_id" integer NOT NULL, "organization_id" integer NOT NULL, "role" varchar NOT NULL, "since" varchar(24), CONSTRAINT "UQ_22cfe49ed0571beb5390ac64a3a" UNIQUE ("person_id", "organization_id", "role"), CONSTRAINT "FK_b03c71bf9167f1c4626506d317d" FOREIGN KEY ("person_id") REFERENCES "party" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_8cf9d4cf902b2538748b72ff03c" FOREIGN KEY ("organization_id") REFERENCES "party" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_affiliation"("id", "person_id", "organization_id", "role", "since") SELECT "id", "person_id", "organization_id", "role", "since" FROM "affiliation"`,
    );
    await queryRunner.query(`DROP TABLE "affiliation"`);
    await queryRunner.query(`ALTER TABLE "temporary_affiliation" RENAME TO "affiliation"`);
    await queryRunner.query(`CREATE INDEX "IDX_b03c71bf9167f1c4626506d317" ON "affiliation" ("person_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8cf9d4cf902b2538748b72ff03" ON "affiliation" ("organization_id") `);
    await queryRunner.query(`DROP INDEX "IDX_9106d3eea9edd09f0c7d2d35cc"`);
    await queryRunner.query(`DROP INDEX "IDX_55ec97e779d7fd69b89f29151a"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_kinship" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "person_id" integer NOT NULL, "relative_id" integer NOT NULL, "relation" varchar NOT NULL, "inverse_relation" varchar NOT NULL, CONSTRAINT "UQ_589ddd8c736633b1fc6304b61e5" UNIQUE ("person_id", "relative_id"), CONSTRAINT "FK_9106d3eea9edd09f0c7d2d35cce" FOREIGN KEY ("person_id") REFERENCES "party" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_55ec97e779d7fd69b89f29151a9" FOREIGN KEY ("relative_id") REFERENCES "party" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_kinship"("id", "person_id", "relative_id", "relation", "inverse_relation") SELECT "id", "person_id", "relative_id", "relation", "inverse_relation" FROM "kinship"`,
    );
    await queryRunner.query(`DROP TABLE "kinship"`);
    await queryRunner.query(`ALTER TABLE "temporary_kinship" RENAME TO "kinship"`);
    await queryRunner.query(`CREATE INDEX "IDX_9106d3eea9edd09f0c7d2d35cc" ON "kinship" ("person_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_55ec97e779d7fd69b89f29151a" ON "kinship" ("relative_id") `);
    await queryRunner.query(`DROP INDEX "IDX_07b029272bc94c10614ad7a5a9"`);
    await queryRunner.query(`DROP INDEX "IDX_a840d7f0f369dc70ca7eea59ff"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_ranking" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar NOT NULL, "name" varchar NOT NULL, "year" integer, "basis" text, "data_from_id" integer, CONSTRAINT "UQ_38c3b282b69b6fa951334695871" UNIQUE ("slug"), CONSTRAINT "FK_a840d7f0f369dc70ca7eea59ffb" FOREIGN KEY ("data_from_id") REFERENCES "party" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_ranking"("id", "slug", "name", "year", "basis", "data_from_id") SELECT "id", "slug", "name", "year", "basis", "data_from_id" FROM "ranking"`,
    );
    await queryRunner.query(`DROP TABLE "ranking"`);
    await queryRunner.query(`ALTER TABLE "temporary_ranking" RENAME TO "ranking"`);
    await queryRunner.query(`CREATE INDEX "IDX_07b029272bc94c10614ad7a5a9" ON "ranking" ("year") `);
    await queryRunner.query(`CREATE INDEX "IDX_a840d7f0f369dc70ca7eea59ff" ON "ranking" ("data_from_id") `);
    await queryRunner.query(`DROP INDEX "IDX_0b630e4d8d4801e3a7f10856a6"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_ranking_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ranking_id" integer NOT NULL, "party_id" integer NOT NULL, "position" integer, CONSTRAINT "UQ_72615d06f27c8dd10980e145380" UNIQUE ("ranking_id", "party_id"), CONSTRAINT "FK_fe70e59d17f5da9aed18d66bba9" FOREIGN KEY ("ranking_id") REFERENCES "ranking" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_0b630e4d8d4801e3a7f10856a6a" FOREIGN KEY ("party_id") REFERENCES "party" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_ranking_entry"("id", "ranking_id", "party_id", "position") SELECT "id", "ranking_id", "party_id", "position" FROM "ranking_entry"`,
    );
    await queryRunner.query(`DROP TABLE "ranking_entry"`);
    await queryRunner.query(`ALTER TABLE "temporary_ranking_entry" RENAME TO "ranking_entry"`);
    await queryRunner.query(`CREATE INDEX "IDX_0b630e4d8d4801e3a7f10856a6" ON "ranking_entry" ("party_id") `);
    await queryRunner.query(`DROP INDEX "IDX_b55980b0b1be945fbd2b8e36ae"`);
    await queryRunner.query(`DROP INDEX "IDX_91fa010cdcd6931de7f4c1fd09"`);
    await queryRunner.query(`DROP INDEX "IDX_39021d6f3ce8a43bf7e05b4ac9"`);
    await queryRunner.query(`DROP INDEX "IDX_f862d98218b79538bf744bab2e"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_sanction" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar NOT NULL, "target_id" integer NOT NULL, "authority_id" integer NOT NULL, "description" text NOT NULL, "imposed" varchar(24), "status" varchar(16) NOT NULL, CONSTRAINT "UQ_28557b95eb84ce481f3382ed7b0" UNIQUE ("slug"), CONSTRAINT "FK_b55980b0b1be945fbd2b8e36ae0" FOREIGN KEY ("target_id") REFERENCES "party" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_91fa010cdcd6931de7f4c1fd09a" FOREIGN KEY ("authority_id") REFERENCES "party" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_sanction"("id", "slug", "target_id", "authority_id", "description", "imposed", "status") SELECT "id", "slug", "target_id", "authority_id", "description", "imposed", "status" FROM "sanction"`,
    );
    await queryRunner.query(`DROP TABLE "sanction"`);
    await queryRunner.query(`ALTER TABLE "temporary_sanction" RENAME TO "sanction"`);
    await queryRunner.query(`CREATE INDEX "IDX_b55980b0b1be945fbd2b8e36ae" ON "sanction" ("target_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_91fa010cdcd6931de7f4c1fd09" ON "sanction" ("authority_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_39021d6f3ce8a43bf7e05b4ac9" ON "sanction" ("imposed") `);
    await queryRunner.query(`CREATE INDEX "IDX_f862d98218b79538bf744bab2e" ON "sanction" ("status") `);
    await queryRunner.query(`DROP INDEX "IDX_0db351ba9ea6c3cd2a0ea63866"`);
    await queryRunner.query(`DROP INDEX "IDX_b2cd816b10de652a889bb515ee"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_statement" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar NOT NULL, "speaker_id" integer NOT NULL, "text" text NOT NULL, "date" varchar(24), CONSTRAINT "UQ_d0e80e2988ed6646f38ff1e6524" UNIQUE ("slug"), CONSTRAINT "FK_0db351ba9ea6c3cd2a0ea638667" FOREIGN KEY ("speaker_id") REFERENCES "party" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_statement"("id", "slug", "speaker_id", "text", "date") SELECT "id", "slug", "speaker_id", "text", "date" FROM "statement"`,
    );
    await queryRunner.query(`DROP TABLE "statement"`);
    await queryRunner.query(`ALTER TABLE "temporary_statement" RENAME TO "statement"`);
    await queryRunner.query(`CREATE INDEX "IDX_0db351ba9ea6c3cd2a0ea63866" ON "statement" ("speaker_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b2cd816b10de652a889bb515ee" ON "statement" ("date") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_b2cd816b10de652a889bb515ee"`);
    await queryRunner.query(`DROP INDEX "IDX_0db351ba9ea6c3cd2a0ea63866"`);
    await queryRunner.query(`ALTER TABLE "statement" RENAME TO "temporary_statement"`);
    await queryRunner.query(
      `CREATE TABLE "statement" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar NOT NULL, "speaker_id" integer NOT NULL, "text" text NOT NULL, "date" varchar(24), CONSTRAINT "UQ_d0e80e2988ed6646f38ff1e6524" UNIQUE ("slug"))`,
    );
    await queryRunner.query(
      `INSERT INTO "statement"("id", "slug", "speaker_id", "text", "date") SELECT "id", "slug", "speaker_id", "text", "date" FROM "temporary_statement"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_statement"`);
    await queryRunner.query(`CREATE INDEX "IDX_b2cd816b10de652a889bb515ee" ON "statement" ("date") `);
    await queryRunner.query(`CREATE INDEX "IDX_0db351ba9ea6c3cd2a0ea63866" ON "statement" ("speaker_id") `);
    await queryRunner.query(`DROP INDEX "IDX_f862d98218b79538bf744bab2e"`);
    await queryRunner.query(`DROP INDEX "IDX_39021d6f3ce8a43bf7e05b4ac9"`);
    await queryRunner.query(`DROP INDEX "IDX_91fa010cdcd6931de7f4c1fd09"`);
    await queryRunner.query(`DROP INDEX "IDX_b55980b0b1be945fbd2b8e36ae"`);
    await queryRunner.query(`ALTER TABLE "sanction" RENAME TO "temporary_sanction"`);
    await queryRunner.query(
      `CREATE TABLE "sanction" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar NOT NULL, "target_id" integer NOT NULL, "authority_id" integer NOT NULL, "description" text NOT NULL, "imposed" varchar(24), "status" varchar(16) NOT NULL, CONSTRAINT "UQ_28557b95eb84ce481f3382ed7b0" UNIQUE ("slug"))`,
    );
    await queryRunner.query(
      `INSERT INTO "sanction"("id", "slug", "target_id", "authority_id", "description", "imposed", "status") SELECT "id", "slug", "target_id", "authority_id", "description", "imposed", "status" FROM "temporary_sanction"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_sanction"`);
    await queryRunner.query(`CREATE INDEX "IDX_f862d98218b79538bf744bab2e" ON "sanction" ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_39021d6f3ce8a43bf7e05b4ac9" ON "sanction" ("imposed") `);
    await queryRunner.query(`CREATE INDEX "IDX_91fa010cdcd6931de7f4c1fd09" ON "sanction" ("authority_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b55980b0b1be945fbd2b8e36ae" ON "sanction" ("target_id") `);
    await queryRunner.query(`DROP INDEX "IDX_0b630e4d8d4801e3a7f10856a6"`);
    await queryRunner.query(`ALTER TABLE "ranking_entry" RENAME TO "temporary_ranking_entry"`);
    await queryRunner.query(
      `CREATE TABLE "ranking_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ranking_id" integer NOT NULL, "party_id" integer NOT NULL, "position" integer, CONSTRAINT "UQ_72615d06f27c8dd10980e145380" UNIQUE ("ranking_id", "party_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "ranking_entry"("id", "ranking_id", "party_id", "position") SELECT "id", "ranking_id", "party_id", "position" FROM "temporary_ranking_entry"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_ranking_entry"`);
    await queryRunner.query(`CREATE INDEX "IDX_0b630e4d8d4801e3a7f10856a6" ON "ranking_entry" ("party_id") `);
    await queryRunner.query(`DROP INDEX "IDX_a840d7f0f369dc70ca7eea59ff"`);
    await queryRunner.query(`DROP INDEX "IDX_07b029272bc94c10614ad7a5a9"`);
    await queryRunner.query(`ALTER TABLE "ranking" RENAME TO "temporary_ranking"`);
    await queryRunner.query(
      `CREATE TABLE "ranking" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar NOT NULL, "name" varchar NOT NULL, "year" integer, "basis" text, "data_from_id" integer, CONSTRAINT "UQ_38c3b282b69b6fa951334695871" UNIQUE ("slug"))`,
    );
    await queryRunner.query(
      `INSERT INTO "ranking"("id", "slug", "name", "year", "basis", "data_from_id") SELECT "id", "slug", "name", "year", "basis", "data_from_id" FROM "temporary_ranking"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_ranking"`);
    await queryRunner.query(`CREATE INDEX "IDX_a840d7f0f369dc70ca7eea59ff" ON "ranking" ("data_from_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_07b029272bc94c10614ad7a5a9" ON "ranking" ("year") `);
    await queryRunner.query(`DROP INDEX "IDX_55ec97e779d7fd69b89f29151a"`);
    await queryRunner.query(`DROP INDEX "IDX_9106d3eea9edd09f0c7d2d35cc"`);
    await queryRunner.query(`ALTER TABLE "kinship" RENAME TO "temporary_kinship"`);
    await queryRunner.query(
      `CREATE TABLE "kinship" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "person_id" integer NOT NULL, "relative_id" integer NOT NULL, "relation" varchar NOT NULL, "inverse_relation" varchar NOT NULL, CONSTRAINT "UQ_589ddd8c736633b1fc6304b61e5" UNIQUE ("person_id", "relative_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "kinship"("id", "person_id", "relative_id", "relation", "inverse_relation") SELECT "id", "person_id", "relative_id", "relation", "inverse_relation" FROM "temporary_kinship"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_kinship"`);
    await queryRunner.query(`CREATE INDEX "IDX_55ec97e779d7fd69b89f29151a" ON "kinship" ("relative_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9106d3eea9edd09f0c7d2d35cc" ON "kinship" ("person_id") `);
    await queryRunner.query(`DROP INDEX "IDX_8cf9d4cf902b2538748b72ff03"`);
    await queryRunner.query(`DROP INDEX "IDX_b03c71bf9167f1c4626506d317"`);
    await queryRunner.query(`ALTER TABLE "affiliation" RENAME TO "temporary_affiliation"`);
    await queryRunner.query(
      `CREATE TABLE "affiliation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "person_id" integer NOT NULL, "organization_id" integer NOT NULL, "role" varchar NOT NULL, "since" varchar(24), CONSTRAINT "UQ_22cfe49ed0571beb5390ac64a3a" UNIQUE ("person_id", "organization_id", "role"))`,
    );
    await queryRunner.query(
      `INSERT INTO "affiliation"("id", "person_id", "organization_id", "role", "since") SELECT "id", "person_id", "organization_id", "role", "since" FROM "temporary_affiliation"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_affiliation"`);
    await queryRunner.query(`CREATE INDEX "IDX_8cf9d4cf902b2538748b72ff03" ON "affiliation" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b03c71bf9167f1c4626506d317" ON "affiliation" ("person_id") `);
    await queryRunner.query(`DROP INDEX "IDX_f0b514a878a554755930bf52aa"`);
    await queryRunner.query(`ALTER TABLE "patent_stat" RENAME TO "temporary_patent_stat"`);
    await queryRunner.query(
      `CREATE TABLE "patent_stat" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "holder_id" integer NOT NULL, "scope" varchar(16) NOT NULL, "count" integer NOT NULL, "qualifier" varchar(16), "as_of" varchar(24), CONSTRAINT "UQ_47959c6242f6a113f53622170ad" UNIQUE ("holder_id", "scope", "as_of"))`,
    );
    await queryRunner.query(
      `INSERT INTO "patent_stat"("id", "holder_id", "scope", "count", "qualifier", "as_of") SELECT "id", "holder_id", "scope", "count", "qualifier", "as_of" FROM "temporary_patent_stat"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_patent_stat"`);
    await queryRunner.query(`CREATE INDEX "IDX_f0b514a878a554755930bf52aa" ON "patent_stat" ("holder_id") `);
    await queryRunner.query(`DROP INDEX "IDX_086e98359df7dcefd26d2f4f1e"`);
    await queryRunner.query(`ALTER TABLE "characterization" RENAME TO "temporary_characterization"`);
    await queryRunner.query(
      `CREATE TABLE "characterization" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "party_id" integer NOT NULL, "text" text NOT NULL, "topics" text NOT NULL, CONSTRAINT "UQ_3a712d6a8802c68f09004fa9c36" UNIQUE ("party_id", "text"))`,
    );
    await queryRunner.query(
      `INSERT INTO "characterization"("id", "party_id", "text", "topics") SELECT "id", "party_id", "text", "topics" FROM "temporary_characterization"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_characterization"`);
    await queryRunner.query(`CREATE INDEX "IDX_086e98359df7dcefd26d2f4f1e" ON "characterization" ("party_id") `);
    await queryRunner.query(`DROP INDEX "IDX_2882934b844cb362aca03e9d8c"`);
    await queryRunner.query(`ALTER TABLE "negotiation_party" RENAME TO "temporary_negotiation_party"`);
    await queryRunner.query(
      `CREATE TABLE "negotiation_party" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "party_id" integer NOT NULL, "negotiation_id" integer NOT NULL, CONSTRAINT "UQ_822a008b091340e7b8736c0fd9d" UNIQUE ("negotiation_id", "party_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "negotiation_party"("id", "party_id", "negotiation_id") SELECT "id", "party_id", "negotiation_id" FROM "temporary_negotiation_party"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_negotiation_party"`);
    await queryRunner.query(`CREATE INDEX "IDX_2882934b844cb362aca03e9d8c" ON "negotiation_party" ("party_id") `);
    await queryRunner.query(`DROP INDEX "IDX_14c7e97a80a5eb6f33cd37e558"`);
    await queryRunner.query(`ALTER TABLE "lawsuit_party" RENAME TO "temporary_lawsuit_party"`);
    await queryRunner.query(
      `CREATE TABLE "lawsuit_party" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "party_id" integer NOT NULL, "lawsuit_id" integer NOT NULL, "role" varchar(16) NOT NULL, CONSTRAINT "UQ_e3445b560809b0df0a874d60c82" UNIQUE ("lawsuit_id", "party_id", "role"))`,
    );
    await queryRunner.query(
      `INSERT INTO "lawsuit_party"("id", "party_id", "lawsuit_id", "role") SELECT "id", "party_id", "lawsuit_id", "role" FROM "temporary_lawsuit_party"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_lawsuit_party"`);
    await queryRunner.query(`CREATE INDEX "IDX_14c7e97a80a5eb6f33cd37e558" ON "lawsuit_party" ("party_id") `);
    await queryRunner.query(`DROP INDEX "IDX_a8cb5fdd94ebc4b36a36f50619"`);
    await queryRunner.query(`DROP INDEX "IDX_cd0da74b67b547aff91bf4951f"`);
    await queryRunner.query(`DROP INDEX "IDX_8591b6c55b5bff7164bff38071"`);
    await queryRunner.query(`DROP INDEX "IDX_ea1f15bac224af564ad92ff22f"`);
    await queryRunner.query(`DROP INDEX "IDX_8d3d2612fbb2f63e61321919cb"`);
    await queryRunner.query(`ALTER TABLE "lawsuit" RENAME TO "temporary_lawsuit"`);
    await queryRunner.query(
      `CREATE TABLE "lawsuit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar NOT NULL, "title" varchar NOT NULL, "kind" varchar(32) NOT NULL, "status" varchar(16) NOT NULL, "filed" varchar(24), "venue" varchar, "summary" text, "technologies" text NOT NULL, "challenges_id" integer, CONSTRAINT "UQ_74723aff87ce0c73da03be073b1" UNIQUE ("slug"))`,
    );
    await queryRunner.query(
      `INSERT INTO "lawsuit"("id", "slug", "title", "kind", "status", "filed", "venue", "summary", "technologies", "challenges_id") SELECT "id", "slug", "title", "kind", "status", "filed", "venue", "summary", "technologies", "challenges_id" FROM "temporary_lawsuit"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_lawsuit"`);
    await queryRunner.query(`CREATE INDEX "IDX_a8cb5fdd94ebc4b36a36f50619" ON "lawsuit" ("kind", "slug") `);
    await queryRunner.query(`CREATE INDEX "IDX_cd0da74b67b547aff91bf4951f" ON "lawsuit" ("status", "slug") `);
    await queryRunner.query(`CREATE INDEX "IDX_8591b6c55b5bff7164bff38071" ON "lawsuit" ("kind", "status", "slug") `);
    await queryRunner.query(`CREATE INDEX "IDX_ea1f15bac224af564ad92ff22f" ON "lawsuit" ("challenges_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8d3d2612fbb2f63e61321919cb" ON "lawsuit" ("filed") `);
    await queryRunner.query(`DROP INDEX "IDX_3c9bc30915a6cdffb6b800083c"`);
    await queryRunner.query(`DROP INDEX "IDX_ea57adb3f4357c8eef414b1492"`);
    await queryRunner.query(`DROP INDEX "IDX_87c13c6b24f93e335718f3cd1d"`);
    await queryRunner.query(`ALTER TABLE "regulatory_action" RENAME TO "temporary_regulatory_action"`);
    await queryRunner.query(
      `CREATE TABLE "regulatory_action" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar NOT NULL, "authority_id" integer NOT NULL, "subject_id" integer, "description" text NOT NULL, "date" varchar(24), CONSTRAINT "UQ_a82b146d1a4827c8cbb3faeb7ec" UNIQUE ("slug"))`,
    );
    await queryRunner.query(
      `INSERT INTO "regulatory_action"("id", "slug", "authority_id", "subject_id", "description", "date") SELECT "id", "slug", "authority_id", "subject_id", "description", "date" FROM "temporary_regulatory_action"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_regulatory_action"`);
    await queryRunner.query(`CREATE INDEX "IDX_3c9bc30915a6cdffb6b800083c" ON "regulatory_action" ("date") `);
    await queryRunner.query(`CREATE INDEX "IDX_ea57adb3f4357c8eef414b1492" ON "regulatory_action" ("subject_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_87c13c6b24f93e335718f3cd1d" ON "regulatory_action" ("authority_id") `);
    await queryRunner.query(`DROP INDEX "IDX_676b65e6448bf427651d8bf2fa"`);
    await queryRunner.query(`ALTER TABLE "event_participant" RENAME TO "temporary_event_participant"`);
    await queryRunner.query(
      `CREATE TABLE "event_participant" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "party_id" integer NOT NULL, "event_id" integer NOT NULL, CONSTRAINT "UQ_63a2ed25a5344d1b34093f9781a" UNIQUE ("event_id", "party_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "event_participant"("id", "party_id", "event_id") SELECT "id", "party_id", "event_id" FROM "temporary_event_participant"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_event_participant"`);
    await queryRunner.query(`CREATE INDEX "IDX_676b65e6448bf427651d8bf2fa" ON "event_participant" ("party_id") `);
    await queryRunner.query(`DROP INDEX "IDX_f37e0f3f5651225bac756e9bf2"`);
    await queryRunner.query(`DROP INDEX "IDX_b1661be309b71bd750d6f02738"`);
    await queryRunner.query(`ALTER TABLE "citation" RENAME TO "temporary_citation"`);
    await queryRunner.query(
      `CREATE TABLE "citation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "subject_type" varchar(32) NOT NULL, "subject_id" integer NOT NULL, "source_id" integer NOT NULL, "quote" text NOT NULL, "offset" integer NOT NULL, CONSTRAINT "UQ_fecbeda1fd9722c1aba637bcd6c" UNIQUE ("subject_type", "subject_id", "source_id", "quote"))`,
    );
    await queryRunner.query(
      `INSERT INTO "citation"("id", "subject_type", "subject_id", "source_id", "quote", "offset") SELECT "id", "subject_type", "subject_id", "source_id", "quote", "offset" FROM "temporary_citation"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_citation"`);
    await queryRunner.query(`CREATE INDEX "IDX_f37e0f3f5651225bac756e9bf2" ON "citation" ("subject_type", "subject_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b1661be309b71bd750d6f02738" ON "citation" ("source_id") `);
    await queryRunner.query(`DROP INDEX "IDX_b2cd816b10de652a889bb515ee"`);
    await queryRunner.query(`DROP INDEX "IDX_0db351ba9ea6c3cd2a0ea63866"`);
    await queryRunner.query(`DROP TABLE "statement"`);
    await queryRunner.query(`DROP INDEX "IDX_f862d98218b79538bf744bab2e"`);
    await queryRunner.query(`DROP INDEX "IDX_39021d6f3ce8a43bf7e05b4ac9"`);
    await queryRunner.query(`DROP INDEX "IDX_91fa010cdcd6931de7f4c1fd09"`);
    await queryRunner.query(`DROP INDEX "IDX_b55980b0b1be945fbd2b8e36ae"`);
    await queryRunner.query(`DROP TABLE "sanction"`);
    await queryRunner.query(`DROP INDEX "IDX_0b630e4d8d4801e3a7f10856a6"`);
    await queryRunner.query(`DROP TABLE "ranking_entry"`);
    await queryRunner.query(`DROP INDEX "IDX_a840d7f0f369dc70ca7eea59ff"`);
    await queryRunner.query(`DROP INDEX "IDX_07b029272bc94c10614ad7a5a9"`);
    await queryRunner.query(`DROP TABLE "ranking"`);
    await queryRunner.query(`DROP INDEX "IDX_55ec97e779d7fd69b89f29151a"`);
    await queryRunner.query(`DROP INDEX "IDX_9106d3eea9edd09f0c7d2d35cc"`);
    await queryRunner.query(`DROP TABLE "kinship"`);
    await queryRunner.query(`DROP INDEX "IDX_8cf9d4cf902b2538748b72ff03"`);
    await queryRunner.query(`DROP INDEX "IDX_b03c71bf9167f1c4626506d317"`);
    await queryRunner.query(`DROP TABLE "affiliation"`);
    await queryRunner.query(`DROP INDEX "IDX_f0b514a878a554755930bf52aa"`);
    await queryRunner.query(`DROP TABLE "patent_stat"`);
    await queryRunner.query(`DROP INDEX "IDX_086e98359df7dcefd26d2f4f1e"`);
    await queryRunner.query(`DROP TABLE "characterization"`);
    await queryRunner.query(`DROP INDEX "IDX_2882934b844cb362aca03e9d8c"`);
    await queryRunner.query(`DROP TABLE "negotiation_party"`);
    await queryRunner.query(`DROP INDEX "IDX_58c34045cd22fa12de2fa4ca7e"`);
    await queryRunner.query(`DROP INDEX "IDX_f34cc86351e6cda0789e879007"`);
    await queryRunner.query(`DROP TABLE "licensing_negotiation"`);
    await queryRunner.query(`DROP INDEX "IDX_14c7e97a80a5eb6f33cd37e558"`);
    await queryRunner.query(`DROP TABLE "lawsuit_party"`);
    await queryRunner.query(`DROP INDEX "IDX_a8cb5fdd94ebc4b36a36f50619"`);
    await queryRunner.query(`DROP INDEX "IDX_cd0da74b67b547aff91bf4951f"`);
    await queryRunner.query(`DROP INDEX "IDX_8591b6c55b5bff7164bff38071"`);
    await queryRunner.query(`DROP INDEX "IDX_ea1f15bac224af564ad92ff22f"`);
    await queryRunner.query(`DROP INDEX "IDX_8d3d2612fbb2f63e61321919cb"`);
    await queryRunner.query(`DROP TABLE "lawsuit"`);
    await queryRunner.query(`DROP INDEX "IDX_3c9bc30915a6cdffb6b800083c"`);
    await queryRunner.query(`DROP INDEX "IDX_ea57adb3f4357c8eef414b1492"`);
    await queryRunner.query(`DROP INDEX "IDX_87c13c6b24f93e335718f3cd1d"`);
    await queryRunner.query(`DROP TABLE "regulatory_action"`);
    await queryRunner.query(`DROP INDEX "IDX_676b65e6448bf427651d8bf2fa"`);
    await queryRunner.query(`DROP TABLE "event_participant"`);
    await queryRunner.query(`DROP INDEX "IDX_158ebc26716f3fc2042cc9dd2e"`);
    await queryRunner.query(`DROP TABLE "event"`);
    await queryRunner.query(`DROP INDEX "IDX_bc482095c10a443da84585eca9"`);
    await queryRunner.query(`DROP INDEX "IDX_party_type_slug"`);
    await queryRunner.query(`DROP TABLE "party"`);
    await queryRunner.query(`DROP INDEX "IDX_f37e0f3f5651225bac756e9bf2"`);
    await queryRunner.query(`DROP INDEX "IDX_b1661be309b71bd750d6f02738"`);
    await queryRunner.query(`DROP TABLE "citation"`);
    await queryRunner.query(`DROP TABLE "source"`);
    await queryRunner.query(`DROP INDEX "IDX_b68dcc794cea3a97d59a0b8771"`);
    await queryRunner.query(`DROP INDEX "IDX_9d18bd4a32fc0cd8ff82b12037"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP INDEX "IDX_45e0aa2a880b928326a05a2888"`);
    await queryRunner.query(`DROP TABLE "api_key"`);
  }
}
