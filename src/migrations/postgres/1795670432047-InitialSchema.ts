import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795670432047 implements MigrationInterface {
  name = 'InitialSchema1795670432047';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "api_key" ("id" SERIAL NOT NULL, "name" character varying NOT NULL, "role" character varying(16) NOT NULL, "prefix" character varying(16) NOT NULL, "hash" character varying(64) NOT NULL, "created_at" character varying(32) NOT NULL, "revoked_at" character varying(32), CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_45e0aa2a880b928326a05a2888" ON "api_key"  ("hash") `);
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("id" SERIAL NOT NULL, "at" character varying(32) NOT NULL, "actor" character varying NOT NULL, "actor_key_id" integer, "role" character varying(16), "action" character varying(64) NOT NULL, "subject" character varying(128), "changes" text NOT NULL, CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9d18bd4a32fc0cd8ff82b12037" ON "audit_entry"  ("at") `);
    await queryRunner.query(`CREATE INDEX "IDX_b68dcc794cea3a97d59a0b8771" ON "audit_entry"  ("action") `);
    await queryRunner.query(
      `CREATE TABLE "source" ("id" SERIAL NOT NULL, "slug" character varying NOT NULL, "title" character varying NOT NULL, "publisher" character varying NOT NULL, "published_on" character varying(24) NOT NULL, "url" character varying, "text" text NOT NULL, "content_hash" character varying(64) NOT NULL, CONSTRAINT "UQ_73b9082fc0d085f1248327af4b2" UNIQUE ("slug"), CONSTRAINT "PK_018c433f8264b58c86363eaadde" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "citation" ("id" SERIAL NOT NULL, "subject_type" character varying(32) NOT NULL, "subject_id" integer NOT NULL, "source_id" integer NOT NULL, "quote" text NOT NULL, "offset" integer NOT NULL, CONSTRAINT "UQ_fecbeda1fd9722c1aba637bcd6c" UNIQUE ("subject_type", "subject_id", "source_id", "quote"), CONSTRAINT "PK_f02dfdce6c05dfbf2fead28d0b6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b1661be309b71bd750d6f02738" ON "citation"  ("source_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f37e0f3f5651225bac756e9bf2" ON "citation"  ("subject_type", "subject_id") `);
    await queryRunner.query(
      `CREATE TABLE "party" ("id" SERIAL NOT NULL, "slug" character varying NOT NULL, "name" character varying NOT NULL, "aliases" text NOT NULL, "description" text, "authority_kind" character varying(16), "jurisdiction" character varying(8), "headquarters" character varying, "country" character varying(2), "party_type" character varying(16) NOT NULL, CONSTRAINT "UQ_f3347e77419244541fc38bc5fd6" UNIQUE ("slug"), CONSTRAINT "PK_e6189b3d533e140bb33a6d2cec1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_party_type_slug" ON "party"  ("party_type", "slug") `);
    await queryRunner.query(`CREATE INDEX "IDX_bc482095c10a443da84585eca9" ON "party"  ("party_type") `);
    await queryRunner.query(
      `CREATE TABLE "event" ("id" SERIAL NOT NULL, "slug" character varying NOT NULL, "title" character varying NOT NULL, "date" character varying(24), "location" character varying, CONSTRAINT "UQ_9d0d870657c4fac264cdca048e8" UNIQUE ("slug"), CONSTRAINT "PK_30c2f3bbaf6d34a55f8ae6e4614" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_158ebc26716f3fc2042cc9dd2e" ON "event"  ("date") `);
    await queryRunner.query(
      `CREATE TABLE "event_participant" ("id" SERIAL NOT NULL, "party_id" integer NOT NULL, "event_id" integer NOT NULL, CONSTRAINT "UQ_63a2ed25a5344d1b34093f9781a" UNIQUE ("event_id", "party_id"), CONSTRAINT "PK_f1e5f8e9b2e1f4838c66f6a96c6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_676b65e6448bf427651d8bf2fa" ON "event_participant"  ("party_id") `);
    await queryRunner.query(
      `CREATE TABLE "regulatory_action" ("id" SERIAL NOT NULL, "slug" character varying NOT NULL, "authority_id" integer NOT NULL, "subject_id" integer, "description" text NOT NULL, "date" character varying(24), CONSTRAINT "UQ_a82b146d1a4827c8cbb3faeb7ec" UNIQUE ("slug"), CONSTRAINT "PK_7e5cb90b0819153496d6558c2f8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_87c13c6b24f93e335718f3cd1d" ON "regulatory_action"  ("authority_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ea57adb3f4357c8eef414b1492" ON "regulatory_action"  ("subject_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_3c9bc30915a6cdffb6b800083c" ON "regulatory_action"  ("date") `);
    await queryRunner.query(
      `CREATE TABLE "lawsuit" ("id" SERIAL NOT NULL, "slug" character varying NOT NULL, "title" character varying NOT NULL, "kind" character varying(32) NOT NULL, "status" character varying(16) NOT NULL, "filed" character varying(24), "venue" character varying, "summary" text, "technologies" text NOT NULL, "challenges_id" integer, CONSTRAINT "UQ_74723aff87ce0c73da03be073b1" UNIQUE ("slug"), CONSTRAINT "PK_1273e965705426fb64d1779c05e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8d3d2612fbb2f63e61321919cb" ON "lawsuit"  ("filed") `);
    await queryRunner.query(`CREATE INDEX "IDX_ea1f15bac224af564ad92ff22f" ON "lawsuit"  ("challenges_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8591b6c55b5bff7164bff38071" ON "lawsuit"  ("kind", "status", "slug") `);
    await queryRunner.query(`CREATE INDEX "IDX_cd0da74b67b547aff91bf4951f" ON "lawsuit"  ("status", "slug") `);
    await queryRunner.query(`CREATE INDEX "IDX_a8cb5fdd94ebc4b36a36f50619" ON "lawsuit"  ("kind", "slug") `);
    await queryRunner.query(
      `CREATE TABLE "lawsuit_party" ("id" SERIAL NOT NULL, "party_id" integer NOT NULL, "lawsuit_id" integer NOT NULL, "role" character varying(16) NOT NULL, CONSTRAINT "UQ_e3445b560809b0df0a874d60c82" UNIQUE ("lawsuit_id", "party_id", "role"), CONSTRAINT "PK_f45f7b0e1cdc74928b1f2f89c4e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_14c7e97a80a5eb6f33cd37e558" ON "lawsuit_party"  ("party_id") `);
    await queryRunner.query(
      `CREATE TABLE "licensing_negotiation" ("id" SERIAL NOT NULL, "slug" character varying NOT NULL, "subject" character varying NOT NULL, "status" character varying(16) NOT NULL, "started" character varying(24), "summary" text, CONSTRAINT "UQ_70a143a7fcf0ad82947354080da" UNIQUE ("slug"), CONSTRAINT "PK_dbcf1e189e68854bb1a28d75687" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f34cc86351e6cda0789e879007" ON "licensing_negotiation"  ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_58c34045cd22fa12de2fa4ca7e" ON "licensing_negotiation"  ("started") `);
    await queryRunner.query(
      `CREATE TABLE "negotiation_party" ("id" SERIAL NOT NULL, "party_id" integer NOT NULL, "negotiation_id" integer NOT NULL, CONSTRAINT "UQ_822a008b091340e7b8736c0fd9d" UNIQUE ("negotiation_id", "party_id"), CONSTRAINT "PK_c90b09ea6e5b4f47d274e567a00" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2882934b844cb362aca03e9d8c" ON "negotiation_party"  ("party_id") `);
    await queryRunner.query(
      `CREATE TABLE "characterization" ("id" SERIAL NOT NULL, "party_id" integer NOT NULL, "text" text NOT NULL, "topics" text NOT NULL, CONSTRAINT "UQ_3a712d6a8802c68f09004fa9c36" UNIQUE ("party_id", "text"), CONSTRAINT "PK_16ee98fdeb139bf215d3e5b8736" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_086e98359df7dcefd26d2f4f1e" ON "characterization"  ("party_id") `);
    await queryRunner.query(
      `CREATE TABLE "patent_stat" ("id" SERIAL NOT NULL, "holder_id" integer NOT NULL, "scope" character varying(16) NOT NULL, "count" integer NOT NULL, "qualifier" character varying(16), "as_of" character varying(24), CONSTRAINT "UQ_47959c6242f6a113f53622170ad" UNIQUE ("holder_id", "scope", "as_of"), CONSTRAINT "PK_f3f911bf5b2dd88af30f9269885" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f0b514a878a554755930bf52aa" ON "patent_stat"  ("holder_id") `);
    await queryRunner.query(
      `CREATE TABLE "affiliation" ("id" SERIAL NOT NULL, "person_id" integer NOT NULL, "organization_id" integer NOT NULL, "role" character varying NOT NULL, "since" character varying(24), CONSTRAINT "UQ_22cfe49ed0571beb5390ac64a3a" UNIQUE ("person_id", "organization_id", "role"), CONSTRAINT "PK_faec2110a0fda4a0b7f93df6e6a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b03c71bf9167f1c4626506d317" ON "affiliation"  ("person_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8cf9d4cf902b2538748b72ff03" ON "affiliation"  ("organization_id") `);
    await queryRunner.query(
      `CREATE TABLE "kinship" ("id" SERIAL NOT NULL, "person_id" integer NOT NULL, "relative_id" integer NOT NULL, "relation" character varying NOT NULL, "inverse_relation" character varying NOT NULL, CONSTRAINT "UQ_589ddd8c736633b1fc6304b61e5" UNIQUE ("person_id", "relative_id"), CONSTRAINT "PK_3fca131fb826d5ba9a30ffc2ab8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9106d3eea9edd09f0c7d2d35cc" ON "kinship"  ("person_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_55ec97e779d7fd69b89f29151a" ON "kinship"  ("relative_id") `);
    await queryRunner.query(
      `CREATE TABLE "ranking" ("id" SERIAL NOT NULL, "slug" character varying NOT NULL, "name" character varying NOT NULL, "year" integer, "basis" text, "data_from_id" integer, CONSTRAINT "UQ_38c3b282b69b6fa951334695871" UNIQUE ("slug"), CONSTRAINT "PK_bf82b8f271e50232e6a3fcb09a9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_07b029272bc94c10614ad7a5a9" ON "ranking"  ("year") `);
    await queryRunner.query(`CREATE INDEX "IDX_a840d7f0f369dc70ca7eea59ff" ON "ranking"  ("data_from_id") `);
    await queryRunner.query(
      `CREATE TABLE "ranking_entry" ("id" SERIAL NOT NULL, "ranking_id" integer NOT NULL, "party_id" integer NOT NULL, "position" integer, CONSTRAINT "UQ_72615d06f27c8dd10980e145380" UNIQUE ("ranking_id", "party_id"), CONSTRAINT "PK_572074811b085ab97e391a7da09" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_0b630e4d8d4801e3a7f10856a6" ON "ranking_entry"  ("party_id") `);
    await queryRunner.query(
      `CREATE TABLE "sanction" ("id" SERIAL NOT NULL, "slug" character varying NOT NULL, "target_id" integer NOT NULL, "authority_id" integer NOT NULL, "description" text NOT NULL, "imposed" character varying(24), "status" character varying(16) NOT NULL, CONSTRAINT "UQ_28557b95eb84ce481f3382ed7b0" UNIQUE ("slug"), CONSTRAINT "PK_8e0d7d8cef573a237bb11a61c8a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b55980b0b1be945fbd2b8e36ae" ON "sanction"  ("target_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_91fa010cdcd6931de7f4c1fd09" ON "sanction"  ("authority_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_39021d6f3ce8a43bf7e05b4ac9" ON "sanction"  ("imposed") `);
    await queryRunner.query(`CREATE INDEX "IDX_f862d98218b79538bf744bab2e" ON "sanction"  ("status") `);
    await queryRunner.query(
      `CREATE TABLE "statement" ("id" SERIAL NOT NULL, "slug" character varying NOT NULL, "speaker_id" integer NOT NULL, "text" text NOT NULL, "date" character varying(24), CONSTRAINT "UQ_d0e80e2988ed6646f38ff1e6524" UNIQUE ("slug"), CONSTRAINT "PK_d2ef88cb44b99f3332a1eebb96f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_0db351ba9ea6c3cd2a0ea63866" ON "statement"  ("speaker_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b2cd816b10de652a889bb515ee" ON "statement"  ("date") `);
    await queryRunner.query(
      `ALTER TABLE "citation" ADD CONSTRAINT "FK_b1661be309b71bd750d6f027387" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_participant" ADD CONSTRAINT "FK_676b65e6448bf427651d8bf2fae" FOREIGN KEY ("party_id") REFERENCES "party"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_participant" ADD CONSTRAINT "FK_8fd5818ed624f0ea3b4d5dee652" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "regulatory_action" ADD CONSTRAINT "FK_87c13c6b24f93e335718f3cd1dc" FOREIGN KEY ("authority_id") REFERENCES "party"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "regulatory_action" ADD CONSTRAINT "FK_ea57adb3f4357c8eef414b14923" FOREIGN KEY ("subject_id") REFERENCES "party"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lawsuit" ADD CONSTRAINT "FK_ea1f15bac224af564ad92ff22fc" FOREIGN KEY ("challenges_id") REFERENCES "regulatory_action"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lawsuit_party" ADD CONSTRAINT "FK_14c7e97a80a5eb6f33cd37e558d" FOREIGN KEY ("party_id") REFERENCES "party"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lawsuit_party" ADD CONSTRAINT "FK_c052643f4a668fc25e83606fa43" FOREIGN KEY ("lawsuit_id") REFERENCES "lawsuit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "negotiation_party" ADD CONSTRAINT "FK_2882934b844cb362aca03e9d8cf" FOREIGN KEY ("party_id") REFERENCES "party"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "negotiation_party" ADD CONSTRAINT "FK_5eb63d7071a4a9a1c730772d59f" FOREIGN KEY ("negotiation_id") REFERENCES "licensing_negotiation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "characterization" ADD CONSTRAINT "FK_086e98359df7dcefd26d2f4f1e0" FOREIGN KEY ("party_id") REFERENCES "party"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "patent_stat" ADD CONSTRAINT "FK_f0b514a878a554755930bf52aa9" FOREIGN KEY ("holder_id") REFERENCES "party"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "affiliation" ADD CONSTRAINT "FK_b03c71bf9167f1c4626506d317d" FOREIGN KEY ("person_id") REFERENCES "party"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "affiliation" ADD CONSTRAINT "FK_8cf9d4cf902b2538748b72ff03c" FOREIGN KEY ("organization_id") REFERENCES "party"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kinship" ADD CONSTRAINT "FK_9106d3eea9edd09f0c7d2d35cce" FOREIGN KEY ("person_id") REFERENCES "party"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kinship" ADD CONSTRAINT "FK_55ec97e779d7fd69b89f29151a9" FOREIGN KEY ("relative_id") REFERENCES "party"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ranking" ADD CONSTRAINT "FK_a840d7f0f369dc70ca7eea59ffb" FOREIGN KEY ("data_from_id") REFERENCES "party"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ranking_entry" ADD CONSTRAINT "FK_fe70e59d17f5da9aed18d66bba9" FOREIGN KEY ("ranking_id") REFERENCES "ranking"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ranking_entry" ADD CONSTRAINT "FK_0b630e4d8d4801e3a7f10856a6a" FOREIGN KEY ("party_id") REFERENCES "party"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sanction" ADD CONSTRAINT "FK_b55980b0b1be945fbd2b8e36ae0" FOREIGN KEY ("target_id") REFERENCES "party"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sanction" ADD CONSTRAINT "FK_91fa010cdcd6931de7f4c1fd09a" FOREIGN KEY ("authority_id") REFERENCES "party"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement" ADD CONSTRAINT "FK_0db351ba9ea6c3cd2a0ea638667" FOREIGN KEY ("speaker_id") REFERENCES "party"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "statement" DROP CONSTRAINT "FK_0db351ba9ea6c3cd2a0ea638667"`);
    await queryRunner.query(`ALTER TABLE "sanction" DROP CONSTRAINT "FK_91fa010cdcd6931de7f4c1fd09a"`);
    await queryRunner.query(`ALTER TABLE "sanction" DROP CONSTRAINT "FK_b55980b0b1be945fbd2b8e36ae0"`);
    await queryRunner.query(`ALTER TABLE "ranking_entry" DROP CONSTRAINT "FK_0b630e4d8d4801e3a7f10856a6a"`);
    await queryRunner.query(`ALTER TABLE "ranking_entry" DROP CONSTRAINT "FK_fe70e59d17f5da9aed18d66bba9"`);
    await queryRunner.query(`ALTER TABLE "ranking" DROP CONSTRAINT "FK_a840d7f0f369dc70ca7eea59ffb"`);
    await queryRunner.query(`ALTER TABLE "kinship" DROP CONSTRAINT "FK_55ec97e779d7fd69b89f29151a9"`);
    await queryRunner.query(`ALTER TABLE "kinship" DROP CONSTRAINT "FK_9106d3eea9edd09f0c7d2d35cce"`);
    await queryRunner.query(`ALTER TABLE "affiliation" DROP CONSTRAINT "FK_8cf9d4cf902b2538748b72ff03c"`);
    await queryRunner.query(`ALTER TABLE "affiliation" DROP CONSTRAINT "FK_b03c71bf9167f1c4626506d317d"`);
    await queryRunner.query(`ALTER TABLE "patent_stat" DROP CONSTRAINT "FK_f0b514a878a554755930bf52aa9"`);
    await queryRunner.query(`ALTER TABLE "characterization" DROP CONSTRAINT "FK_086e98359df7dcefd26d2f4f1e0"`);
    await queryRunner.query(`ALTER TABLE "negotiation_party" DROP CONSTRAINT "FK_5eb63d7071a4a9a1c730772d59f"`);
    await queryRunner.query(`ALTER TABLE "negotiation_party" DROP CONSTRAINT "FK_2882934b844cb362aca03e9d8cf"`);
    await queryRunner.query(`ALTER TABLE "lawsuit_party" DROP CONSTRAINT "FK_c052643f4a668fc25e83606fa43"`);
    await queryRunner.query(`ALTER TABLE "lawsuit_party" DROP CONSTRAINT "FK_14c7e97a80a5eb6f33cd37e558d"`);
    await queryRunner.query(`ALTER TABLE "lawsuit" DROP CONSTRAINT "FK_ea1f15bac224af564ad92ff22fc"`);
    await queryRunner.query(`ALTER TABLE "regulatory_action" DROP CONSTRAINT "FK_ea57adb3f4357c8eef414b14923"`);
    await queryRunner.query(`ALTER TABLE "regulatory_action" DROP CONSTRAINT "FK_87c13c6b24f93e335718f3cd1dc"`);
    await queryRunner.query(`ALTER TABLE "event_participant" DROP CONSTRAINT "FK_8fd5818ed624f0ea3b4d5dee652"`);
    await queryRunner.query(`ALTER TABLE "event_participant" DROP CONSTRAINT "FK_676b65e6448bf427651d8bf2fae"`);
    await queryRunner.query(`ALTER TABLE "citation" DROP CONSTRAINT "FK_b1661be309b71bd750d6f027387"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b2cd816b10de652a889bb515ee"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0db351ba9ea6c3cd2a0ea63866"`);
    await queryRunner.query(`DROP TABLE "statement"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f862d98218b79538bf744bab2e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_39021d6f3ce8a43bf7e05b4ac9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_91fa010cdcd6931de7f4c1fd09"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b55980b0b1be945fbd2b8e36ae"`);
    await queryRunner.query(`DROP TABLE "sanction"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0b630e4d8d4801e3a7f10856a6"`);
    await queryRunner.query(`DROP TABLE "ranking_entry"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a840d7f0f369dc70ca7eea59ff"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_07b029272bc94c10614ad7a5a9"`);
    await queryRunner.query(`DROP TABLE "ranking"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_55ec97e779d7fd69b89f29151a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9106d3eea9edd09f0c7d2d35cc"`);
    await queryRunner.query(`DROP TABLE "kinship"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8cf9d4cf902b2538748b72ff03"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b03c71bf9167f1c4626506d317"`);
    await queryRunner.query(`DROP TABLE "affiliation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f0b514a878a554755930bf52aa"`);
    await queryRunner.query(`DROP TABLE "patent_stat"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_086e98359df7dcefd26d2f4f1e"`);
    await queryRunner.query(`DROP TABLE "characterization"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2882934b844cb362aca03e9d8c"`);
    await queryRunner.query(`DROP TABLE "negotiation_party"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_58c34045cd22fa12de2fa4ca7e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f34cc86351e6cda0789e879007"`);
    await queryRunner.query(`DROP TABLE "licensing_negotiation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_14c7e97a80a5eb6f33cd37e558"`);
    await queryRunner.query(`DROP TABLE "lawsuit_party"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a8cb5fdd94ebc4b36a36f50619"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cd0da74b67b547aff91bf4951f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8591b6c55b5bff7164bff38071"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ea1f15bac224af564ad92ff22f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8d3d2612fbb2f63e61321919cb"`);
    await queryRunner.query(`DROP TABLE "lawsuit"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3c9bc30915a6cdffb6b800083c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ea57adb3f4357c8eef414b1492"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_87c13c6b24f93e335718f3cd1d"`);
    await queryRunner.query(`DROP TABLE "regulatory_action"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_676b65e6448bf427651d8bf2fa"`);
    await queryRunner.query(`DROP TABLE "event_participant"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_158ebc26716f3fc2042cc9dd2e"`);
    await queryRunner.query(`DROP TABLE "event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bc482095c10a443da84585eca9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_party_type_slug"`);
    await queryRunner.query(`DROP TABLE "party"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f37e0f3f5651225bac756e9bf2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b1661be309b71bd750d6f02738"`);
    await queryRunner.query(`DROP TABLE "citation"`);
    await queryRunner.query(`DROP TABLE "source"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b68dcc794cea3a97d59a0b8771"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9d18bd4a32fc0cd8ff82b12037"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_45e0aa2a880b928326a05a2888"`);
    await queryRunner.query(`DROP TABLE "api_key"`);
  }
}
